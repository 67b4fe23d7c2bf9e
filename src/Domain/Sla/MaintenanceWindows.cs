using NodaTime;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R4: standard windows open 22:00 local Monday to Friday and close 07:00 local the next day.</summary>
public static class MaintenanceWindows
{
    public static readonly LocalTime Opens = new(22, 0);
    public static readonly LocalTime Closes = new(7, 0);

    /// <summary>
    /// Standard windows overlapping [bounds). Callers pass a bounded span (one month at most, R10 clips first), so
    /// enumerating the days in it is bounded too. Each window is turned into instants on its own local dates, so a
    /// window is exactly as long as the wall clock says even across a DST change.
    /// </summary>
    public static IntervalSet StandardWithin(Interval bounds)
    {
        var first = PolicyTime.LocalDateOf(bounds.Start).PlusDays(-1);
        var last = PolicyTime.LocalDateOf(bounds.End);
        var windows = new List<Interval>();
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            if (d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                continue;
            }
            windows.Add(new Interval(PolicyTime.At(d + Opens), PolicyTime.At(d.PlusDays(1) + Closes)));
        }
        return IntervalSet.Of(windows).Clip(bounds);
    }
}
