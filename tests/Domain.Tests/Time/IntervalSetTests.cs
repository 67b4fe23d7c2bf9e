using Spiisee.EventSourced.Domain.Time;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Time;

public class IntervalSetTests
{
    private static Interval Iv(string from, string to) => new(I(from), I(to));

    [Fact] // R10: overlapping outages count once.
    public void Union_merges_overlaps()
    {
        var set = IntervalSet.Of(Iv("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z"), Iv("2026-03-02T11:00:00Z", "2026-03-02T13:00:00Z"));
        set.Intervals.Count.ShouldBe(1);
        set.TotalDuration.ShouldBe(Duration.FromHours(3));
    }

    [Fact]
    public void Union_merges_adjacent_intervals_and_keeps_gaps()
    {
        var set = IntervalSet.Of(Iv("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"), Iv("2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z"),
            Iv("2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z"));
        set.Intervals.Count.ShouldBe(2);
        set.TotalDuration.ShouldBe(Duration.FromHours(3));
    }

    [Fact]
    public void Subtract_cuts_holes_and_edges()
    {
        var set = IntervalSet.Of(Iv("2026-03-02T00:00:00Z", "2026-03-02T10:00:00Z"));
        var cuts = IntervalSet.Of(Iv("2026-03-01T22:00:00Z", "2026-03-02T01:00:00Z"), Iv("2026-03-02T04:00:00Z", "2026-03-02T05:00:00Z"),
            Iv("2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z"));
        var rest = set.Subtract(cuts);
        rest.Intervals.ShouldBe([Iv("2026-03-02T01:00:00Z", "2026-03-02T04:00:00Z"), Iv("2026-03-02T05:00:00Z", "2026-03-02T09:00:00Z")]);
    }

    [Fact]
    public void Subtract_everything_leaves_nothing() =>
        IntervalSet.Of(Iv("2026-03-02T01:00:00Z", "2026-03-02T02:00:00Z"))
            .Subtract(IntervalSet.Of(Iv("2026-03-02T00:00:00Z", "2026-03-02T03:00:00Z"))).IsEmpty.ShouldBeTrue();

    [Fact]
    public void Clip_keeps_the_part_inside() =>
        IntervalSet.Of(Iv("2026-02-28T20:00:00Z", "2026-03-01T08:00:00Z")).Clip(PolicyTime.MonthInterval(M("2026-03")))
            .TotalDuration.ShouldBe(Duration.FromHours(3)); // March starts 05:00Z (EST)
}
