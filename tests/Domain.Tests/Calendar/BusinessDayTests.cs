using PublicHoliday;
using Spiisee.EventSourced.Domain.Calendar;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Calendar;

public class BusinessDayTests
{
    private static readonly HolidayCalendar Cal = HolidayCalendar.Default;

    [Theory] // R2: weekends and observed holidays are not business days.
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-03-09", true)]
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-11-27", true)] // the day after is a business day under the federal calendar
    public void Business_days(string date, bool expected) => Cal.IsBusinessDay(D(date)).ShouldBe(expected);

    [Theory] // R9: next business day skips weekends and observed holidays.
    [InlineData("2026-03-03", "2026-03-04")]
    [InlineData("2026-03-06", "2026-03-09")] // Friday -> Monday
    [InlineData("2026-03-07", "2026-03-09")] // Saturday -> Monday
    [InlineData("2026-07-02", "2026-07-06")] // 3 July observed
    [InlineData("2027-12-30", "2028-01-03")] // 31 December 2027 observed for New Year 2028
    [InlineData("2026-11-25", "2026-11-27")] // Thanksgiving
    public void Next_business_day(string date, string expected) => Cal.NextBusinessDay(D(date)).ShouldBe(D(expected));

    [Fact] // March 2026: 22 weekdays, no holiday.
    public void Business_days_in_March_2026() => Cal.CountBusinessDays(D("2026-03-01"), D("2026-04-01")).ShouldBe(22);

    [Fact] // July 2026: 23 weekdays less 3 July.
    public void Business_days_in_July_2026() => Cal.CountBusinessDays(D("2026-07-01"), D("2026-08-01")).ShouldBe(22);

    [Fact] // Counting over ten years equals a day-by-day count against the independent holiday list.
    public void Ten_years_count_matches_an_independent_day_by_day_count()
    {
        var holidays = Enumerable.Range(2020, 12)
            .SelectMany(y => new USAPublicHoliday().PublicHolidays(y)).Select(LocalDate.FromDateTime).ToHashSet();
        long expected = 0;
        for (var d = D("2021-01-01"); d < D("2031-01-01"); d = d.PlusDays(1))
        {
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(d))
            {
                expected++;
            }
        }
        Cal.CountBusinessDays(D("2021-01-01"), D("2031-01-01")).ShouldBe(expected);
    }

    [Theory] // Arbitrary spans against the same independent count.
    [InlineData("2021-12-30", "2022-01-04")]
    [InlineData("2026-02-27", "2026-03-03")]
    [InlineData("2027-12-24", "2028-01-01")]
    [InlineData("2026-03-09", "2026-03-09")]
    [InlineData("2026-03-10", "2026-03-09")]
    public void Spans_match_an_independent_count(string from, string toExclusive)
    {
        var holidays = Enumerable.Range(2020, 10).SelectMany(y => new USAPublicHoliday().PublicHolidays(y)).Select(LocalDate.FromDateTime).ToHashSet();
        long expected = 0;
        for (var d = D(from); d < D(toExclusive); d = d.PlusDays(1))
        {
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(d))
            {
                expected++;
            }
        }
        Cal.CountBusinessDays(D(from), D(toExclusive)).ShouldBe(expected);
    }

    [Fact] // R3: an extra holiday stops being a business day; a withdrawn one becomes one again.
    public void Extra_and_withdrawn_holidays()
    {
        var cal = new HolidayCalendar(new CalendarSettings([D("2026-03-05")], [D("2026-07-03")]));
        cal.IsBusinessDay(D("2026-03-05")).ShouldBeFalse();
        cal.IsBusinessDay(D("2026-07-03")).ShouldBeTrue();
        cal.NextBusinessDay(D("2026-03-04")).ShouldBe(D("2026-03-06"));
        cal.CountBusinessDays(D("2026-03-01"), D("2026-04-01")).ShouldBe(21);
    }

    [Fact] // R3: figures say which calendar produced them; the identity changes with the holiday set only.
    public void Calendar_identity_is_stable_and_changes_with_the_holidays()
    {
        var a = new HolidayCalendar(new CalendarSettings([D("2026-03-05")], []));
        var b = new HolidayCalendar(new CalendarSettings([D("2026-03-05")], []));
        a.Identity.ShouldBe(b.Identity);
        a.Identity.ShouldNotBe(HolidayCalendar.Default.Identity);
        a.Identity.ShouldContain("extra=[2026-03-05]");
        HolidayCalendar.Default.Identity.ShouldContain("zone=America/New_York");
    }

    [Theory] // R12: the 5th business day after a date.
    [InlineData("2026-03-09", "2026-03-16")]
    [InlineData("2026-07-02", "2026-07-10")] // 3 July observed
    [InlineData("2026-11-25", "2026-12-03")] // Thanksgiving skipped
    public void Fifth_business_day_after(string date, string expected) => Cal.AddBusinessDays(D(date), 5).ShouldBe(D(expected));

    [Fact] // R2: support hours 09:00-17:00 on business days, across a DST change and a weekend.
    public void Support_hours_between_instants()
    {
        // Tue 3 March 10:00 EST to Mon 9 March 11:00 EDT: 7 + 8 + 8 + 8 + 2 = 33 hours.
        Cal.SupportHoursBetween(I("2026-03-03T10:00:00-05:00"), I("2026-03-09T11:00:00-04:00")).ShouldBe(Duration.FromHours(33));
        // Within one day, before opening to after closing: the full 8 hours.
        Cal.SupportHoursBetween(I("2026-03-04T06:00:00-05:00"), I("2026-03-04T20:00:00-05:00")).ShouldBe(Duration.FromHours(8));
        // A weekend only: nothing.
        Cal.SupportHoursBetween(I("2026-03-07T09:00:00-05:00"), I("2026-03-08T17:00:00-04:00")).ShouldBe(Duration.Zero);
    }
}
