using System.Diagnostics.CodeAnalysis;
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

    /// <summary>?skip= (from 0, default 0) and ?take= (1 to <paramref name="maxTake"/>, default 100), or the 400 naming the bad one.</summary>
    public static bool TryPage(HttpContext http, int maxTake, out int skip, out int take, [NotNullWhen(false)] out IResult? problem)
    {
        take = 100;
        return TryWhole(http, "skip", 0, int.MaxValue, 0, out skip, out problem)
            && TryWhole(http, "take", 1, maxTake, 100, out take, out problem);
    }

    private static bool TryWhole(HttpContext http, string name, int min, int max, int fallback, out int value, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        value = fallback;
        if (http.Request.Query[name].ToString() is not { Length: > 0 } text)
        {
            return true;
        }
        if (InputRules.TryWhole(text, out var whole) && whole >= min && whole <= max)
        {
            value = (int)whole;
            return true;
        }
        problem = Problems.BadInput(InvalidCodes.InvalidValue, name, $"{name} must be a whole number from {min} to {max}");
        return false;
    }

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
