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

    [Theory] // R10 downtime, three ways (all at once, set by set, grown one by one), against minutes counted one by one.
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Unions_cover_exactly_the_minutes_of_their_intervals(int seed)
    {
        var random = new Random(seed);
        var origin = I("2026-03-01T00:00:00Z");
        const int span = 3 * 24 * 60;
        for (var round = 0; round < 200; round++)
        {
            var covered = new bool[span];
            var intervals = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var from = random.Next(span);
                var to = Math.Min(span, from + random.Next(0, 300));
                for (var m = from; m < to; m++)
                {
                    covered[m] = true;
                }
                return new Interval(origin + Duration.FromMinutes(from), origin + Duration.FromMinutes(to));
            }).ToList();
            var minutes = Duration.FromMinutes(covered.Count(c => c));

            IntervalSet.Of(intervals).TotalDuration.ShouldBe(minutes);
            intervals.Aggregate(IntervalSet.Empty, (set, i) => set.Union(IntervalSet.Of(i))).TotalDuration.ShouldBe(minutes);
            var grown = new IntervalUnion();
            foreach (var i in intervals)
            {
                grown.Add(IntervalSet.Of(i));
            }
            grown.TotalDuration.ShouldBe(minutes);
            grown.ToSet().Intervals.ShouldBe(IntervalSet.Of(intervals).Intervals);
        }
    }
}
