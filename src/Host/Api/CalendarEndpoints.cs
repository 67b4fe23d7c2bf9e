using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json.Linq;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>R14: the calendar as recorded, its history, its iCalendar export and the what-if of a proposed change.</summary>
public static class CalendarEndpoints
{
    public const int MaxIcsYears = 50;

    [ProducesResponseType<CalendarYearView>(200)]
    [QueryParameter("year", "The calendar year, 2000 to 2100 (default: this year)")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/calendar"), Tags("Calendar"), EndpointSummary("The holidays in force in a year, each with its origin (R3 federal, or declared by whom, when and why; R14)")]
    public static async Task<IResult> Year(HttpContext http, IDocumentStore store, IClock clock)
    {
        int year;
        try
        {
            year = Years(http, "year", clock);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        await using var session = store.QuerySession();
        return Json.Ok(CalendarYearView.Of(year, await CalendarReader.LoadAsync(session, http.RequestAborted)));
    }

    [ProducesResponseType<CalendarHistoryView>(200)]
    [Authorize(Policy = Policies.Staff), WolverineGet("/calendar/history"), Tags("Calendar"), EndpointSummary("Every recorded calendar change, oldest first, with its version, instant, actor and reason (R14)")]
    public static async Task<IResult> History(HttpContext http, IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return Json.Ok(CalendarHistoryView.Of(await CalendarReader.LoadAsync(session, http.RequestAborted)));
    }

    [ProducesResponseType<string>(200, HolidayIcs.ContentType)]
    [QueryParameter("from", "First year, 2000 to 2100 (default: this year)"), QueryParameter("to", "Last year (default: from); at most 50 years")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/calendar.ics"), Tags("Calendar"), EndpointSummary("The holidays in force as iCalendar all-day events, ?from=YYYY&to=YYYY")]
    public static async Task<IResult> Ics(HttpContext http, IDocumentStore store, IClock clock)
    {
        int from, to;
        try
        {
            from = Years(http, "from", clock);
            to = http.Request.Query.ContainsKey("to") ? Years(http, "to", clock) : from;
            if (to < from || to - from >= MaxIcsYears)
            {
                throw new InvalidInputException(InvalidCodes.InvalidValue, "to", $"to must be from {from} to {from + MaxIcsYears - 1}");
            }
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        await using var session = store.QuerySession();
        var text = HolidayIcs.Export(await CalendarReader.LoadAsync(session, http.RequestAborted), from, to);
        return Results.Text(text, HolidayIcs.ContentType + "; charset=utf-8");
    }

    [RequestBody("application/json", typeof(WhatIfBody))]
    [ProducesResponseType<WhatIfView>(200)]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json"), ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(415, "application/problem+json"), ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    [Authorize(Policy = Policies.Staff), WolverinePost("/calendar/what-if"), Tags("Calendar"), EndpointSummary("What a proposed declaration or withdrawal would change, per account and month; nothing is written (R14)")]
    public static async Task<IResult> WhatIf(HttpContext http, IDocumentStore store, IClock clock)
    {
        var (body, error) = await RequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }
        ProposedChange proposal;
        try
        {
            proposal = WhatIfBody.Read(body!);
        }
        catch (InvalidInputException e)
        {
            return Problems.BadInput(e.Code, e.Field, e.Message);
        }
        await using var session = store.QuerySession();
        var view = await WhatIfView.RunAsync(new WhatIfService(session), proposal, new CommandContext(clock.GetCurrentInstant(), http.Caller().Actor), http.RequestAborted);
        return view.Refused is { } reason ? Problems.Rejected(Decision.Reject(reason)) : Json.Ok(view);
    }

    private static int Years(HttpContext http, string name, IClock clock) =>
        http.Request.Query[name].ToString() is { Length: > 0 } text
            ? InputRules.Year(text, name)
            : clock.GetCurrentInstant().InZone(Domain.Time.PolicyTime.Zone).Year;
}

/// <summary>A proposed change: <c>declare</c> a date (with a name) or <c>withdraw</c> one.</summary>
public sealed record WhatIfBody(string Action, string Date, string? Name = null, string? Reason = null)
{
    public static ProposedChange Read(JObject o)
    {
        var action = CommandReader.Token(o, "action");
        var date = CommandReader.Date(o, "date");
        return action switch
        {
            "declare" => new ProposedChange(CalendarChangeKind.Declared, date, CommandReader.Name(o, "name"), CommandReader.OptionalText(o, "reason")),
            "withdraw" => new ProposedChange(CalendarChangeKind.Withdrawn, date, null, CommandReader.OptionalText(o, "reason")),
            _ => throw new InvalidInputException(InvalidCodes.InvalidValue, "action", "action must be declare or withdraw"),
        };
    }
}
