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
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class TicketEndpoints
{
    [ProducesResponseType<HistoryView>(200)]
    [QueryParameter("asOf", "Events up to this business instant (with an offset, R1)"), QueryParameter("version", "Events up to this stream version, from 1")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/tickets/{ticketId}/history"), Tags("Tickets"), EndpointSummary("A ticket's events and states (asOf, version)")]
    public static Task<IResult> History(string ticketId, HttpContext http, IDocumentStore store) =>
        HistoryAsync(StreamRef.Ticket(ticketId), http, store);

    [ProducesResponseType<HistoryView>(200)]
    [QueryParameter("asOf", "Events up to this business instant (with an offset, R1)"), QueryParameter("version", "Events up to this stream version, from 1")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/trouble-tickets/{troubleTicketId}/history"), Tags("Trouble tickets"), EndpointSummary("A trouble ticket's events and states (asOf, version)")]
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
            if (!InputRules.TryWhole(v, out var n) || n < 1)
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
