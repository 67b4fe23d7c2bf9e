using Marten;
using Microsoft.AspNetCore.Http;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Reports;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class ReportEndpoints
{
    /// <summary>Reports span accounts, so they are for staff (BackOffice, Auditor) only.</summary>
    [ProducesResponseType<IReadOnlyList<object>>(200, "application/json", "text/csv")]
    [QueryParameter("from", "First month, YYYY-MM", required: true), QueryParameter("to", "Last month, YYYY-MM", required: true), QueryParameter("format", "json (default) or csv")]
    [Authorize(Policy = Policies.Staff), WolverineGet("/reports/{name}"), Tags("Reports"), EndpointSummary("availability | credits | mttr | credit-requests, ?from=YYYY-MM&to=YYYY-MM&format=csv|json")]
    public static async Task<IResult> Report(string name, HttpContext http, IDocumentStore store, ExportSlots slots)
    {
        if (!ReportNames.All.Contains(name))
        {
            return Problems.NotFoundResult($"No report '{InputRules.Echo(name)}'; reports: {string.Join(", ", ReportNames.All)}.");
        }
        NodaTime.YearMonth from, to;
        try
        {
            (from, to) = QueryString.MonthRange(http);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        var format = http.Request.Query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (format is not ("csv" or "json"))
        {
            return Problems.BadInput(InvalidCodes.InvalidValue, "format", "format must be csv or json");
        }
        if (!slots.TryEnter())
        {
            http.Response.Headers.RetryAfter = "5";
            return Problems.Result(StatusCodes.Status429TooManyRequests, "Too many exports", "Every export slot of this host is in use; try again in 5 s.");
        }
        try
        {
            http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json";
            await using var session = store.QuerySession();
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
            await ReportExport.WriteAsync(session, name, from, to, format, writer, http.RequestAborted);
            await writer.FlushAsync(http.RequestAborted);
            return Results.Empty;
        }
        finally
        {
            slots.Leave();
        }
    }

    [ProducesResponseType<TicketTimeline>(200)]
    [Authorize(Policy = Policies.Readers), WolverineGet("/tickets/{ticketId}/timeline"), Tags("Tickets"), EndpointSummary("A ticket's audit timeline")]
    public static Task<IResult> TicketTimeline(string ticketId, HttpContext http, IDocumentStore store) =>
        Timeline<TicketTimeline>(StreamRef.Ticket(ticketId), t => t.AccountId, http, store);

    [ProducesResponseType<TroubleTicketFile>(200)]
    [Authorize(Policy = Policies.Readers), WolverineGet("/trouble-tickets/{troubleTicketId}/timeline"), Tags("Trouble tickets"), EndpointSummary("A trouble ticket's file and audit timeline")]
    public static Task<IResult> TroubleTicketTimeline(string troubleTicketId, HttpContext http, IDocumentStore store) =>
        Timeline<TroubleTicketFile>(StreamRef.TroubleTicket(troubleTicketId), t => t.AccountId, http, store);

    private static async Task<IResult> Timeline<T>(StreamRef stream, Func<T, string> account, HttpContext http, IDocumentStore store) where T : class
    {
        // A timeline is JSON only: a format it cannot honour is refused rather than ignored.
        if (http.Request.Query["format"].ToString() is { Length: > 0 } format && format != "json")
        {
            return Problems.BadInput(InvalidCodes.InvalidValue, "format", "a timeline is served as json only");
        }
        await using var session = store.QuerySession();
        var doc = await session.LoadAsync<T>(StreamKeys.For(stream), http.RequestAborted);
        return doc is null || !http.Caller().CanSeeAccount(account(doc)) ? Problems.NotFoundResult($"No such {stream.Kind}.") : Json.Ok(doc);
    }
}
