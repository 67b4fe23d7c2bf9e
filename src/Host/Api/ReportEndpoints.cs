using Marten;
using Microsoft.AspNetCore.Http;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Reports;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class ReportEndpoints
{
    /// <summary>Reports span accounts, so they are for staff (BackOffice, Auditor) only.</summary>
    [WolverineGet("/reports/{name}"), Tags("Reports"), EndpointSummary("availability | credits | mttr | credit-requests, ?from=YYYY-MM&to=YYYY-MM&format=csv|json")]
    public static async Task<IResult> Report(string name, HttpContext http, IDocumentStore store, HolidayCalendar calendar)
    {
        if (!Access.StaffReaders.Contains(http.Caller().Role))
        {
            return Problems.Forbidden("Reports span accounts: back-office and auditor keys only.");
        }
        if (!ReportNames.All.Contains(name))
        {
            return Problems.NotFoundResult($"No report '{name}'; reports: {string.Join(", ", ReportNames.All)}.");
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
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json";
        await using var session = store.QuerySession();
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
        await ReportExport.WriteAsync(session, calendar, name, from, to, format, writer, http.RequestAborted);
        await writer.FlushAsync(http.RequestAborted);
        return Results.Empty;
    }

    [WolverineGet("/tickets/{ticketId}/timeline"), Tags("Tickets"), EndpointSummary("A ticket's audit timeline")]
    public static Task<IResult> TicketTimeline(string ticketId, HttpContext http, IDocumentStore store) =>
        Timeline<TicketTimeline>(StreamRef.Ticket(ticketId), t => t.AccountId, http, store);

    [WolverineGet("/trouble-tickets/{troubleTicketId}/timeline"), Tags("Trouble tickets"), EndpointSummary("A trouble ticket's file and audit timeline")]
    public static Task<IResult> TroubleTicketTimeline(string troubleTicketId, HttpContext http, IDocumentStore store) =>
        Timeline<TroubleTicketFile>(StreamRef.TroubleTicket(troubleTicketId), t => t.AccountId, http, store);

    private static async Task<IResult> Timeline<T>(StreamRef stream, Func<T, string> account, HttpContext http, IDocumentStore store) where T : class
    {
        await using var session = store.QuerySession();
        var doc = await session.LoadAsync<T>(StreamKeys.For(stream), http.RequestAborted);
        return doc is null || !http.Caller().CanSeeAccount(account(doc)) ? Problems.NotFoundResult($"No such {stream.Kind}.") : Json.Ok(doc);
    }
}
