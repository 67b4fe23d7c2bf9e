using Marten;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// Every command endpoint: check the role, read and validate the body with the journal's reader (same codes, same
/// messages), scope customers to their own account and contact, stamp the server's clock, and send the command
/// through Wolverine to the shared decision path.
/// </summary>
public static class CommandPipeline
{
    public static async Task<IResult> ExecuteAsync(HttpContext http, string type, IReadOnlyDictionary<string, string> route, Role[] allowed,
        IMessageBus bus, IClock clock, IDocumentStore store)
    {
        var ct = http.RequestAborted;
        var caller = http.Caller();
        if (!allowed.Contains(caller.Role))
        {
            return Problems.Forbidden($"A {caller.Role} key may not {type}.");
        }
        var (body, error) = await RequestBody.ReadAsync(http.Request, ct);
        if (error is not null)
        {
            return error;
        }
        foreach (var (field, value) in route)
        {
            if (body![field] is { Type: JTokenType.String } given && (string)given! != value)
            {
                return Problems.BadInput(InvalidCodes.InvalidValue, field, $"{field} is '{value}' in the URL but '{given}' in the body");
            }
            body[field] = value;
        }
        string? assignedId = null;
        if (caller.IsCustomer && type == nameof(OpenTicket))
        {
            // Customers get ticket ids from the server: a chosen id could squat another account's, and a DuplicateId
            // answer would tell a customer that another account's ticket exists.
            if (body!["ticketId"] is { Type: not JTokenType.Null })
            {
                return Problems.BadInput(InvalidCodes.InvalidValue, "ticketId", "ticketId is assigned by the server for customer keys; leave it out");
            }
            assignedId = "T-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            body["ticketId"] = assignedId;
        }
        if (caller.IsCustomer)
        {
            // A customer key acts as its own contact, whatever the body says.
            if (body!["contactId"] is { Type: JTokenType.String } contact && (string)contact! != caller.ContactId)
            {
                return Problems.Forbidden($"This key acts as contact '{caller.ContactId}' only.");
            }
            body["contactId"] = caller.ContactId;
        }

        ICommand command;
        try
        {
            command = CommandReader.Read(type, body!);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }

        if (caller.IsCustomer && !await CustomerOwnsTargetAsync(caller, command, store, ct))
        {
            return Problems.NotFoundResult("No such resource.");
        }

        var ctx = new CommandContext(clock.GetCurrentInstant(), CommandRouting.ActorFor(command, caller.Actor));
        Decision decision;
        try
        {
            decision = await bus.InvokeAsync<Decision>(new ExecuteCommand(command, ctx), ct);
        }
        catch (Exception e) when (e is ConcurrencyConflictException || ConcurrencyFailures.IsConcurrencyFailure(e))
        {
            return Problems.Result(StatusCodes.Status409Conflict, "Concurrent update", "Another writer kept changing the same records; try again.",
                new { reason = "ConcurrencyConflict" });
        }
        if (!decision.IsAccepted)
        {
            return Problems.Rejected(decision, assignedId);
        }
        if (assignedId is not null)
        {
            http.Response.Headers.Location = $"/tickets/{assignedId}/timeline";
        }
        return Json.Ok(new
        {
            status = LineStatus.Accepted,
            ticketId = assignedId,
            at = ctx.At,
            events = decision.Events.Select(e => new { stream = e.Stream.ToString(), type = EventTypes.NameOf(e.Event.GetType()), data = e.Event }),
        }, decision.Events.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<bool> CustomerOwnsTargetAsync(Caller caller, ICommand command, IDocumentStore store, CancellationToken ct)
    {
        switch (command)
        {
            case OpenTicket c:
                return caller.CanSeeAccount(c.AccountId);
            case RequestCredit c:
                await using (var session = store.QuerySession())
                {
                    var loaded = await StreamLoader.ReadAsync(session, [StreamRef.TroubleTicket(c.TroubleTicketId)], ct);
                    return loaded.Single().State is TroubleTicketState tt && caller.CanSeeAccount(tt.AccountId);
                }
            default:
                return false;
        }
    }
}
