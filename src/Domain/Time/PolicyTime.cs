using NodaTime;

namespace Spiisee.EventSourced.Domain.Time;

/// <summary>R1: the policy's clock is America/New_York; months are local calendar months of real elapsed length.</summary>
public static class PolicyTime
{
    public const string ZoneId = "America/New_York";

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];

    public static LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    public static LocalDateTime LocalOf(Instant instant) => instant.InZone(Zone).LocalDateTime;

    public static YearMonth MonthOf(Instant instant) => LocalDateOf(instant).ToYearMonth();

    /// <summary>
    /// The instant a local wall-clock time happens. A skipped time (02:30 on the spring-forward night) maps to the
    /// instant just after the gap, an ambiguous one (01:30 in November) to its earlier occurrence: the policy's
    /// boundaries (00:00, 07:00, 09:00, 17:00, 22:00) never fall in either case in this zone, so this only matters
    /// for input typed in local time.
    /// </summary>
    public static Instant At(LocalDateTime local) => local.InZoneLeniently(Zone).ToInstant();

    public static Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    public static Interval MonthInterval(YearMonth month) =>
        new(StartOfDay(month.OnDayOfMonth(1)), StartOfDay(month.PlusMonths(1).OnDayOfMonth(1)));

    /// <summary>R1: the month's real length, so DST months are 743 or 745 hours.</summary>
    public static Duration MonthLength(YearMonth month) => MonthInterval(month).Duration;

    /// <summary>Months touched by [start, end): the month of start up to the month of the last instant before end.</summary>
    public static IEnumerable<YearMonth> MonthsTouched(Interval interval)
    {
        var first = MonthOf(interval.Start);
        var last = interval.End > interval.Start ? MonthOf(interval.End - Duration.Epsilon) : first;
        for (var m = first; m <= last; m = m.PlusMonths(1))
        {
            yield return m;
        }
    }
}
