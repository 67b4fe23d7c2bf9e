using Spiisee.EventSourced.Domain.Time;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Time;

public class PolicyTimeTests
{
    // R1: real elapsed length; DST starts 2026-03-08 and 2027-03-14, ends 2026-11-01 and 2025-11-02. An earlier
    // policy text said November 2026 "has 745" hours, but 30 days plus the repeated hour is 721 (docs/policy.md R1) (checked independently with Python's
    // zoneinfo); 745 is October's 744 + 1. The engine uses real elapsed time, as R1 itself requires.
    [Theory]
    [InlineData("2026-03", 743)]
    [InlineData("2026-11", 721)]
    [InlineData("2026-01", 744)]
    [InlineData("2026-02", 672)]
    [InlineData("2026-04", 720)]
    [InlineData("2027-03", 743)]
    [InlineData("2025-11", 721)]
    [InlineData("2028-02", 696)]
    public void Month_length_is_real_elapsed_hours(string month, int hours) =>
        PolicyTime.MonthLength(M(month)).ShouldBe(Duration.FromHours(hours));

    [Fact] // R1: March 2026 has 44,580 minutes.
    public void March_2026_has_44580_minutes() => PolicyTime.MonthLength(M("2026-03")).TotalMinutes.ShouldBe(44580);

    [Fact] // R1: the last minute of March (local) belongs to March, the next to April, whatever the UTC date.
    public void Month_of_an_instant_is_its_local_month()
    {
        PolicyTime.MonthOf(I("2026-04-01T03:59:00Z")).ShouldBe(M("2026-03"));
        PolicyTime.MonthOf(I("2026-04-01T04:00:00Z")).ShouldBe(M("2026-04"));
    }

    [Fact] // R1: 02:30 on 2026-03-08 does not exist; read leniently it is 03:30 EDT.
    public void A_skipped_local_time_maps_past_the_gap() =>
        PolicyTime.At(new LocalDateTime(2026, 3, 8, 2, 30)).ShouldBe(I("2026-03-08T03:30:00-04:00"));

    [Fact] // R1: 01:30 on 2026-11-01 happens twice; the earlier (EDT) occurrence is taken.
    public void An_ambiguous_local_time_maps_to_its_first_occurrence() =>
        PolicyTime.At(new LocalDateTime(2026, 11, 1, 1, 30)).ShouldBe(I("2026-11-01T01:30:00-04:00"));

    [Fact] // R1: the two occurrences of 01:30 are one local date and one hour apart.
    public void Both_occurrences_of_an_ambiguous_time_share_a_local_date()
    {
        PolicyTime.LocalDateOf(I("2026-11-01T01:30:00-04:00")).ShouldBe(D("2026-11-01"));
        PolicyTime.LocalDateOf(I("2026-11-01T01:30:00-05:00")).ShouldBe(D("2026-11-01"));
    }

    [Fact] // R1: an interval across a month end touches both months.
    public void Months_touched_by_an_interval()
    {
        PolicyTime.MonthsTouched(new Interval(I("2026-02-27T10:00:00-05:00"), I("2026-04-01T00:00:00-04:00")))
            .ShouldBe([M("2026-02"), M("2026-03")]);
    }
}
