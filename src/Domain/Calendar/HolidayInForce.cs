using NodaTime;

namespace Spiisee.EventSourced.Domain.Calendar;

public enum HolidayOrigin
{
    Federal,
    Declared,
}

/// <summary>A day off in force, and where it comes from: R3's federal rule, or the change that declared it (R14).</summary>
public sealed record HolidayInForce(LocalDate Date, string Name, HolidayOrigin Origin, CalendarChange? DeclaredBy)
{
    /// <summary>The weekday holidays in force in a calendar year under a history, in date order.</summary>
    public static IReadOnlyList<HolidayInForce> In(int year, CalendarHistory history)
    {
        var calendar = history.Current;
        var federal = Enumerable.Range(year - 1, 3)
            .SelectMany(FederalHolidays.Of)
            .Where(h => h.Observed.Year == year)
            .GroupBy(h => h.Observed)
            .ToDictionary(g => g.Key, g => g.First().Name);
        var days = new List<HolidayInForce>();
        for (var d = new LocalDate(year, 1, 1); d.Year == year; d = d.PlusDays(1))
        {
            if (!calendar.IsHoliday(d))
            {
                continue;
            }
            var change = history.LastChangeOf(d);
            days.Add(change is { Kind: CalendarChangeKind.Declared }
                ? new HolidayInForce(d, change.Name ?? "", HolidayOrigin.Declared, change)
                : new HolidayInForce(d, federal.GetValueOrDefault(d, ""), HolidayOrigin.Federal, null));
        }
        return days;
    }
}
