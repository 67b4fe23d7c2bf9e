using Marten;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>What an accepted command answers: the events it recorded, and the id the server gave, if any.</summary>
public sealed record CommandAccepted(string Status, string? TicketId, string At, IReadOnlyList<RecordedEvent> Events);

public sealed record RecordedEvent(string Stream, string Type, object Data);

/// <summary>
/// Every command endpoint, driven by the command's registration: read and validate the body with the journal's reader
/// (same codes, same messages), fill route values, scope customers to their own contact and account, stamp the
/// server's clock, and send the command through Wolverine to the shared decision path. Roles are checked before, by
/// the endpoint's authorization policy.
/// </summary>
public static class CommandPipeline
{
    public static async Task<IResult> ExecuteAsync(HttpContext http, CommandRegistration registration, IMessageBus bus, IClock clock, IDocumentStore store)
    {
        var ct = http.RequestAborted;
        var caller = http.Caller();
        var (body, error) = await RequestBody.ReadAsync(http.Request, ct);
        if (error is not null)
        {
            return error;
        }
        foreach (var (field, routeValue) in http.Request.RouteValues)
        {
            var value = routeValue?.ToString() ?? "";
            if (body![field] is { Type: not JTokenType.Null } given && (given.Type != JTokenType.String || (string)given! != value))
            {
                return Problems.BadInput(InvalidCodes.InvalidValue, field, $"{field} is '{InputRules.Echo(value)}' in the URL; the body may only repeat it");
            }
            body[field] = value;
        }
        string? assignedId = null;
        if (caller.IsCustomer)
        {
            if (registration.CustomerAssignedId is var (idField, prefix))
            {
                // A chosen id could squat another account's, and DuplicateId would tell a customer that it exists.
                if (!CommandReader.Absent(body!, idField))
                {
                    return Problems.BadInput(InvalidCodes.InvalidValue, idField, $"{idField} is assigned by the server for customer keys; leave it out");
                }
                assignedId = prefix + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
                body![idField] = assignedId;
            }
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
            command = CommandReader.Read(registration.Name, body!);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }

        if (caller.IsCustomer && !await CustomerOwnsTargetAsync(caller, registration, command, store, ct))
        {
            return Problems.NotFoundResult("No such resource.");
        }

        Decision decision;
        try
        {
            decision = await bus.InvokeAsync<Decision>(new ExecuteCommand(command, registration.ActorFor(command, caller.Actor)), ct);
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
        return Json.Ok(new CommandAccepted(LineStatus.Accepted, assignedId, InstantPattern.ExtendedIso.Format(decision.Events.FirstOrDefault()?.Event is IDomainEvent recorded ? recorded.At : clock.GetCurrentInstant()),
            decision.Events.Select(e => new RecordedEvent(e.Stream.ToString(), EventTypes.NameOf(e.Event.GetType()), e.Event)).ToList()),
            decision.Events.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>A customer's command must concern its own account; anything else does not exist for it (404).</summary>
    private static async Task<bool> CustomerOwnsTargetAsync(Caller caller, CommandRegistration registration, ICommand command, IDocumentStore store,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var loaded = (await StreamLoader.ReadAsync(session, registration.Reads(command).ToList(), ct)).ToDictionary(s => s.Stream, s => s.State);
        var account = registration.CustomerAccount(command, new StreamStates(s => loaded.GetValueOrDefault(s)));
        return account is not null && caller.CanSeeAccount(account);
    }
}
