using PublicHoliday;
using Spiisee.EventSourced.Domain.Calendar;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Calendar;

/// <summary>R3, checked against the independent PublicHoliday package and OPM's published dates.</summary>
public class FederalHolidayTests
{
    public static TheoryData<int> Years() => [.. Enumerable.Range(2021, 10)];

    [Theory]
    [MemberData(nameof(Years))]
    public void Observed_dates_match_the_PublicHoliday_package(int year)
    {
        var expected = new USAPublicHoliday().PublicHolidays(year).Select(LocalDate.FromDateTime).OrderBy(d => d).ToList();
        FederalHolidays.Of(year).Select(h => h.Observed).OrderBy(d => d).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_observed_date_is_a_holiday_and_not_a_business_day(int year)
    {
        foreach (var date in new USAPublicHoliday().PublicHolidays(year).Select(LocalDate.FromDateTime))
        {
            HolidayCalendar.Default.IsHoliday(date).ShouldBeTrue(date.ToString());
            HolidayCalendar.Default.IsBusinessDay(date).ShouldBeFalse(date.ToString());
        }
    }

    [Theory] // OPM's published 2026 schedule: Independence Day (Saturday) observed Friday 3 July.
    [InlineData("2026-01-01")]
    [InlineData("2026-01-19")]
    [InlineData("2026-02-16")]
    [InlineData("2026-05-25")]
    [InlineData("2026-06-19")]
    [InlineData("2026-07-03")]
    [InlineData("2026-09-07")]
    [InlineData("2026-10-12")]
    [InlineData("2026-11-11")]
    [InlineData("2026-11-26")]
    [InlineData("2026-12-25")]
    public void OPM_2026_holidays(string date) => HolidayCalendar.Default.IsHoliday(D(date)).ShouldBeTrue();

    [Theory] // R3: New Year's Day 2028 (Saturday) is observed Friday 31 December 2027; 2022's on 31 December 2021.
    [InlineData("2027-12-31")]
    [InlineData("2021-12-31")]
    [InlineData("2027-12-24")] // Christmas 2027 is a Saturday
    [InlineData("2027-07-05")] // 4 July 2027 is a Sunday
    [InlineData("2022-06-20")] // Juneteenth 2022 is a Sunday
    public void Weekend_holidays_are_observed_on_the_nearest_weekday(string date) =>
        HolidayCalendar.Default.IsBusinessDay(D(date)).ShouldBeFalse();

    [Fact] // R3: the Saturday itself is not what moves; 4 July 2026 stays a weekend day and 3 July is the day off.
    public void July_2026_observance()
    {
        HolidayCalendar.Default.IsBusinessDay(D("2026-07-02")).ShouldBeTrue();
        HolidayCalendar.Default.IsBusinessDay(D("2026-07-03")).ShouldBeFalse();
        HolidayCalendar.Default.IsBusinessDay(D("2026-07-06")).ShouldBeTrue();
    }
}
