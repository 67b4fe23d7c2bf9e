using Microsoft.AspNetCore.Http;
using NodaTime;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Reports;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>Query-string values read as the journal reads them, so a bad one is the same 400 naming the parameter.</summary>
public static class QueryString
{
    /// <summary>An optional instant (R1: with an offset); throws <see cref="InvalidInputException"/> when malformed.</summary>
    public static Instant? Instant(HttpContext http, string name) =>
        http.Request.Query[name].ToString() is { Length: > 0 } text ? CommandReader.ParseInstant(text, name) : null;

    /// <summary>A required ?from=YYYY-MM&amp;to=YYYY-MM range of at most <see cref="ReportService.MaxMonths"/> months.</summary>
    public static (YearMonth From, YearMonth To) MonthRange(HttpContext http)
    {
        var from = CommandReader.ParseMonth(http.Request.Query["from"].ToString(), "from");
        var to = CommandReader.ParseMonth(http.Request.Query["to"].ToString(), "to");
        try
        {
            ReportService.Months(from, to);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, "to", e.Message);
        }
        return (from, to);
    }
}
