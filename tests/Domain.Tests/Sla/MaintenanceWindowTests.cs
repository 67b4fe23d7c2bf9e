using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Time;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Sla;

public class MaintenanceWindowTests
{
    [Fact] // R4: a weekday window is 22:00 to 07:00 next day: nine hours.
    public void A_weekday_window_lasts_nine_hours()
    {
        var windows = MaintenanceWindows.StandardWithin(new Interval(I("2026-03-10T12:00:00-04:00"), I("2026-03-11T12:00:00-04:00")));
        windows.Intervals.ShouldBe([new Interval(I("2026-03-10T22:00:00-04:00"), I("2026-03-11T07:00:00-04:00"))]);
    }

    [Fact] // R4: Friday 22:00 to Saturday 07:00 is a window; none opens on Saturday or Sunday.
    public void Weekend_windows()
    {
        var windows = MaintenanceWindows.StandardWithin(new Interval(I("2026-03-13T12:00:00-04:00"), I("2026-03-16T12:00:00-04:00")));
        windows.Intervals.ShouldBe([new Interval(I("2026-03-13T22:00:00-04:00"), I("2026-03-14T07:00:00-04:00"))]);
    }

    [Fact] // R4: holidays do not change the windows (3 July 2026 observed).
    public void Holidays_keep_their_windows()
    {
        var windows = MaintenanceWindows.StandardWithin(new Interval(I("2026-07-03T00:00:00-04:00"), I("2026-07-04T12:00:00-04:00")));
        windows.TotalDuration.ShouldBe(Duration.FromHours(16)); // Thu 22:00 -> Fri 07:00 clipped (7h) + Fri 22:00 -> Sat 07:00 (9h)
    }

    [Fact] // R4 over March 2026: 21 full windows of 9h and the last, Tue 31 March 22:00, clipped to 2h at month end.
    public void March_2026_windows_total()
    {
        MaintenanceWindows.StandardWithin(PolicyTime.MonthInterval(M("2026-03"))).TotalDuration.ShouldBe(Duration.FromHours(191));
    }

    [Fact] // R4 across the spring DST change: the Friday window before it and the Monday window after it both last 9h.
    public void Windows_around_spring_forward()
    {
        var windows = MaintenanceWindows.StandardWithin(new Interval(I("2026-03-06T12:00:00-05:00"), I("2026-03-10T12:00:00-04:00")));
        windows.Intervals.Select(w => w.Duration).ShouldAllBe(d => d == Duration.FromHours(9));
        windows.Intervals.Count.ShouldBe(2);
    }

    [Fact] // R4 across the autumn DST change (Sun 1 Nov 2026): the Friday 30 Oct and Monday 2 Nov windows last 9h.
    public void Windows_around_fall_back()
    {
        var windows = MaintenanceWindows.StandardWithin(new Interval(I("2026-10-30T12:00:00-04:00"), I("2026-11-03T12:00:00-05:00")));
        windows.Intervals.ShouldBe([
            new Interval(I("2026-10-30T22:00:00-04:00"), I("2026-10-31T07:00:00-04:00")),
            new Interval(I("2026-11-02T22:00:00-05:00"), I("2026-11-03T07:00:00-05:00")),
        ]);
    }
}
