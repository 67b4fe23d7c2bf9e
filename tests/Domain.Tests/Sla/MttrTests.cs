using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Sla;

public class MttrTests
{
    private static readonly HolidayCalendar Cal = HolidayCalendar.Default;

    [Fact] // R9 worked example: A = Tue 3 March 10:00, T = Wed 4 March, resolved Mon 9 March 11:00 EDT: Thu 5 and Fri 6.
    public void Worked_example_overdue_days()
    {
        var a = I("2026-03-03T10:00:00-05:00");
        var r = I("2026-03-09T11:00:00-04:00");
        Mttr.TargetDay(a, Cal).ShouldBe(D("2026-03-04"));
        Mttr.OverdueDayCount(a, r, Cal).ShouldBe(2);
        Mttr.OverdueDaysIn(M("2026-03"), a, r, Cal).ShouldBe([D("2026-03-05"), D("2026-03-06")]);
    }

    [Theory] // R9: a day is overdue when its 17:00 is at or before the resolution: 16:59 no, 17:00 and 17:01 yes.
    [InlineData("2026-03-04T16:59:00-05:00", 0)]
    [InlineData("2026-03-04T17:00:00-05:00", 1)]
    [InlineData("2026-03-04T17:01:00-05:00", 1)]
    [InlineData("2026-03-03T23:59:00-05:00", 0)] // on T itself nothing is overdue
    [InlineData("2026-03-05T08:00:00-05:00", 1)]
    public void Support_day_must_have_passed(string resolved, long expected) =>
        Mttr.OverdueDayCount(I("2026-03-02T10:00:00-05:00"), I(resolved), Cal).ShouldBe(expected);

    [Fact] // R9 with R3: Wed 1 July -> T Thu 2 July; Fri 3 July observed holiday; resolved Tue 7 July noon: only Mon 6.
    public void Observed_holiday_is_not_overdue() =>
        Mttr.OverdueDaysIn(M("2026-07"), I("2026-07-01T10:00:00-04:00"), I("2026-07-07T12:00:00-04:00"), Cal).ShouldBe([D("2026-07-06")]);

    [Fact] // R9: the overdue day just after the spring DST change closes at 17:00 EDT.
    public void Overdue_day_after_spring_forward()
    {
        // A Fri 6 March -> T Mon 9 March; Tue 10 March ends 17:00 EDT = 21:00Z.
        Mttr.OverdueDayCount(I("2026-03-06T10:00:00-05:00"), I("2026-03-10T20:59:00Z"), Cal).ShouldBe(0);
        Mttr.OverdueDayCount(I("2026-03-06T10:00:00-05:00"), I("2026-03-10T21:00:00Z"), Cal).ShouldBe(1);
    }

    [Fact] // R9: the overdue day just after the autumn DST change closes at 17:00 EST = 22:00Z.
    public void Overdue_day_after_fall_back()
    {
        // A Thu 29 Oct -> T Fri 30 Oct; Mon 2 Nov ends 17:00 EST.
        Mttr.OverdueDayCount(I("2026-10-29T10:00:00-04:00"), I("2026-11-02T21:59:00Z"), Cal).ShouldBe(0);
        Mttr.OverdueDayCount(I("2026-10-29T10:00:00-04:00"), I("2026-11-02T22:00:00Z"), Cal).ShouldBe(1);
    }

    [Fact] // R9: each overdue day counts in the month it falls in.
    public void Overdue_days_split_by_month()
    {
        // A Wed 25 Feb -> T Thu 26 Feb; resolved Wed 4 March noon: Fri 27 Feb, Mon 2 and Tue 3 March.
        var a = I("2026-02-25T10:00:00-05:00");
        var r = I("2026-03-04T12:00:00-05:00");
        Mttr.OverdueDaysIn(M("2026-02"), a, r, Cal).ShouldBe([D("2026-02-27")]);
        Mttr.OverdueDaysIn(M("2026-03"), a, r, Cal).ShouldBe([D("2026-03-02"), D("2026-03-03")]);
        Mttr.OverdueDayCount(a, r, Cal).ShouldBe(3);
    }

    [Fact] // R9: with New Year's Day 2028 observed on Fri 31 Dec 2027, an anchor on Thu 30 Dec targets Mon 3 Jan.
    public void Target_day_skips_observed_new_year() =>
        Mttr.TargetDay(I("2027-12-30T15:00:00-05:00"), Cal).ShouldBe(D("2028-01-03"));

    [Fact] // R9: an assignment on a Saturday targets Monday.
    public void Target_day_from_a_weekend() => Mttr.TargetDay(I("2026-03-07T12:00:00-05:00"), Cal).ShouldBe(D("2026-03-09"));

    [Fact] // R9: unresolved for ten years is counted by arithmetic: business days after T up to the day before resolution.
    public void Ten_year_span()
    {
        var a = I("2021-01-04T10:00:00-05:00"); // T = Tue 5 Jan 2021
        var r = I("2031-01-02T12:00:00-05:00"); // last passed day Wed 1 Jan 2031 (a holiday)
        Mttr.OverdueDayCount(a, r, Cal).ShouldBe(Cal.CountBusinessDays(D("2021-01-06"), D("2031-01-02")));
    }

    [Fact] // R9 analysts: worked example business-hours MTTR is 33h = 4.125 business days.
    public void Business_hours_mttr()
    {
        var hours = Mttr.BusinessHours(I("2026-03-03T10:00:00-05:00"), I("2026-03-09T11:00:00-04:00"), Cal);
        hours.ShouldBe(Duration.FromHours(33));
        Mttr.BusinessDays(hours).ShouldBe(4.125m);
    }

    [Theory] // R9: extending the agreement by a month; a month-end stays a month-end, other days clamp.
    [InlineData("2026-12-31", "2027-01-31")]
    [InlineData("2026-06-30", "2026-07-31")]
    [InlineData("2026-01-15", "2026-02-15")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2026-01-30", "2026-02-28")]
    [InlineData("2028-01-30", "2028-02-29")]
    [InlineData("2026-02-28", "2026-03-31")]
    public void Agreement_extension(string end, string expected) =>
        MaintenanceAgreement.ExtendByOneMonth(D(end)).ShouldBe(D(expected));
}
