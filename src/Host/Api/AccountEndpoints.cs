using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Reports;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class AccountEndpoints
{
    [ProducesResponseType<AccountView>(200)]
    [Authorize(Policy = Policies.Readers), WolverineGet("/accounts/{accountId}"), Tags("Accounts"), EndpointSummary("The account, as `account <id>` prints it")]
    public static async Task<IResult> Get(string accountId, HttpContext http, IDocumentStore store, IClock clock)
    {
        if (!http.Caller().CanSeeAccount(accountId))
        {
            return Problems.NotFoundResult("No such account.");
        }
        await using var session = store.QuerySession();
        var view = await AccountView.LoadAsync(session, accountId, clock.GetCurrentInstant(), http.RequestAborted);
        return view is null ? Problems.NotFoundResult("No such account.") : Json.Ok(view);
    }

    [ProducesResponseType<TicketListView>(200)]
    [QueryParameter("skip", "Entries to skip, from 0"), QueryParameter("take", "Entries to return, 1 to 500 (default 100)")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/accounts/{accountId}/tickets"), Tags("Accounts"), EndpointSummary("The account's tickets and trouble tickets, newest first; ?skip=&take= (at most 500)")]
    public static async Task<IResult> Tickets(string accountId, HttpContext http, IDocumentStore store)
    {
        if (!http.Caller().CanSeeAccount(accountId))
        {
            return Problems.NotFoundResult("No such account.");
        }
        if (!QueryString.TryPage(http, TicketListView.MaxTake, out var skip, out var take, out var problem))
        {
            return problem;
        }
        await using var session = store.QuerySession();
        // Existence only: the stream's state row, not a fold of the account.
        if (await session.Events.FetchStreamStateAsync(StreamKeys.For(StreamRef.Account(accountId)), http.RequestAborted) is null)
        {
            return Problems.NotFoundResult("No such account.");
        }
        return Json.Ok(await TicketListView.LoadAsync(session, accountId, skip, take, http.RequestAborted));
    }

    [ProducesResponseType<IReadOnlyList<CreditRow>>(200)]
    [QueryParameter("from", "First month, YYYY-MM", required: true), QueryParameter("to", "Last month, YYYY-MM", required: true)]
    [Authorize(Policy = Policies.Readers), WolverineGet("/accounts/{accountId}/statements"), Tags("Statements"), EndpointSummary("The account's credits month by month (the credits report for one account), ?from=YYYY-MM&to=YYYY-MM")]
    public static async Task<IResult> Statements(string accountId, HttpContext http, IDocumentStore store)
    {
        if (!http.Caller().CanSeeAccount(accountId))
        {
            return Problems.NotFoundResult("No such account.");
        }
        YearMonth from, to;
        try
        {
            (from, to) = QueryString.MonthRange(http);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        await using var session = store.QuerySession();
        var calendar = await CalendarReader.LoadAsync(session, http.RequestAborted);
        var rows = await new ReportService(session, calendar).CreditsOfAccountAsync(accountId, from, to, http.RequestAborted);
        return rows is null ? Problems.NotFoundResult("No such account.") : Json.Ok(rows);
    }

    [ProducesResponseType<StatementView>(200)]
    [QueryParameter("asOf", "The statement as it stood at this instant (with an offset, R1)"), QueryParameter("format", "json (default) or table")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/accounts/{accountId}/statements/{month}"), Tags("Statements"), EndpointSummary("The monthly statement with its derivation (R13); ?asOf=<instant> for the statement as it stood then, ?format=table")]
    public static async Task<IResult> Statement(string accountId, string month, HttpContext http, IDocumentStore store, StatementCache cache)
    {
        if (!http.Caller().CanSeeAccount(accountId))
        {
            return Problems.NotFoundResult("No such account.");
        }
        YearMonth parsed;
        Instant? asOf;
        try
        {
            parsed = CommandReader.ParseMonth(month, "month");
            asOf = QueryString.Instant(http, "asOf");
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        var format = http.Request.Query["format"].ToString();
        if (format is not ("" or "json" or "table"))
        {
            return Problems.BadInput(InvalidCodes.InvalidValue, "format", "format must be json or table");
        }
        if (asOf is { } cut)
        {
            // An auditor's look at the past is folded from the events each time: rare, and the past does not change.
            await using var session = store.QuerySession();
            var then = await StatementView.LoadAsOfAsync(session, accountId, parsed, cut, http.RequestAborted);
            return then is null ? Problems.NotFoundResult("No such account.")
                : format == "table" ? Results.Text(StatementTable.Format(then)) : Json.Ok(then);
        }
        var now = await cache.GetAsync(store, accountId, parsed, http.RequestAborted);
        return now is null ? Problems.NotFoundResult("No such account.")
            : format == "table" ? Results.Text(StatementTable.Format(now.View)) : Results.Bytes(now.Json, "application/json");
    }
}
