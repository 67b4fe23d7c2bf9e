using Marten;
using Microsoft.AspNetCore.Http;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Wolverine;
using Wolverine.Http;
using static Spiisee.EventSourced.Host.Api.AccountEndpoints;

namespace Spiisee.EventSourced.Host.Api;

public static class TicketEndpoints
{
    [WolverinePost("/tickets"), Tags("Tickets"), EndpointSummary("Open a support ticket (R6)")]
    public static Task<IResult> Open(HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(OpenTicket), Route(), Access.CustomerCommands, bus, clock, store);

    [WolverinePost("/tickets/{ticketId}/escalations"), Tags("Tickets"), EndpointSummary("Escalate a ticket (R7)")]
    public static Task<IResult> Escalate(string ticketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(EscalateTicket), Route(("ticketId", ticketId)), Access.BackOfficeOnly, bus, clock, store);

    [WolverinePost("/tickets/{ticketId}/closure"), Tags("Tickets"), EndpointSummary("Close a ticket (R7)")]
    public static Task<IResult> Close(string ticketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(CloseTicket), Route(("ticketId", ticketId)), Access.BackOfficeOnly, bus, clock, store);

    [WolverineGet("/tickets/{ticketId}/history"), Tags("Tickets"), EndpointSummary("A ticket's events and states (asOf, version)")]
    public static Task<IResult> History(string ticketId, HttpContext http, IDocumentStore store) =>
        HistoryAsync(StreamRef.Ticket(ticketId), http, store);

    [WolverinePost("/trouble-tickets"), Tags("Trouble tickets"), EndpointSummary("Open a trouble ticket replacing a support ticket (R8)")]
    public static Task<IResult> OpenTrouble(HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(OpenTroubleTicket), Route(), Access.BackOfficeOnly, bus, clock, store);

    [WolverinePost("/trouble-tickets/{troubleTicketId}/assignments"), Tags("Trouble tickets"), EndpointSummary("Assign an agent (R8, R9 anchor)")]
    public static Task<IResult> Assign(string troubleTicketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(AssignTroubleTicket), Route(("troubleTicketId", troubleTicketId)), Access.BackOfficeOnly, bus, clock, store);

    [WolverinePost("/trouble-tickets/{troubleTicketId}/resolution"), Tags("Trouble tickets"), EndpointSummary("Resolve with a root cause (R8, R11)")]
    public static Task<IResult> Resolve(string troubleTicketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(ResolveTroubleTicket), Route(("troubleTicketId", troubleTicketId)), Access.BackOfficeOnly, bus, clock, store);

    [WolverinePost("/trouble-tickets/{troubleTicketId}/closure"), Tags("Trouble tickets"), EndpointSummary("Close, ending the outage (R8)")]
    public static Task<IResult> CloseTrouble(string troubleTicketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(CloseTroubleTicket), Route(("troubleTicketId", troubleTicketId)), Access.BackOfficeOnly, bus, clock, store);

    [WolverinePost("/trouble-tickets/{troubleTicketId}/credit-requests"), Tags("Trouble tickets"), EndpointSummary("Request a credit (R12)")]
    public static Task<IResult> RequestCreditFor(string troubleTicketId, HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
        CommandPipeline.ExecuteAsync(http, nameof(RequestCredit), Route(("troubleTicketId", troubleTicketId)), Access.CustomerCommands, bus, clock, store);

    [WolverineGet("/trouble-tickets/{troubleTicketId}/history"), Tags("Trouble tickets"), EndpointSummary("A trouble ticket's events and states (asOf, version)")]
    public static Task<IResult> TroubleHistory(string troubleTicketId, HttpContext http, IDocumentStore store) =>
        HistoryAsync(StreamRef.TroubleTicket(troubleTicketId), http, store);

    private static async Task<IResult> HistoryAsync(StreamRef stream, HttpContext http, IDocumentStore store)
    {
        Instant? asOf;
        long? version = null;
        try
        {
            asOf = QueryString.Instant(http, "asOf");
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        if (http.Request.Query["version"].ToString() is { Length: > 0 } v)
        {
            if (!long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return Problems.BadInput(InvalidCodes.InvalidValue, "version", "version must be a whole number from 1");
            }
            version = n;
        }
        await using var session = store.QuerySession();
        var view = await HistoryView.LoadAsync(session, stream, asOf, version, http.RequestAborted);
        // A customer asking for another account's ticket is told it does not exist.
        return view is null || !http.Caller().CanSeeAccount(view.AccountId) ? Problems.NotFoundResult($"No such {stream.Kind}.") : Json.Ok(view);
    }
}
