using NodaTime;

namespace Spiisee.EventSourced.Domain.Time;

/// <summary>
/// A union of intervals grown one set at a time, with its total duration kept as it grows: a month's downtime after
/// each approval (R10, R13) without re-merging everything before it, so a month of a large account stays cheap.
/// </summary>
public sealed class IntervalUnion
{
    private readonly List<Interval> _sorted = [];

    public Duration TotalDuration { get; private set; } = Duration.Zero;

    public void Add(IntervalSet set)
    {
        foreach (var i in set.Intervals)
        {
            Add(i);
        }
    }

    private void Add(Interval interval)
    {
        var (start, end) = (interval.Start, interval.End);
        // The first interval that ends at or after the new start may touch it; merge every one it touches.
        var first = LowerBoundByEnd(start);
        var last = first;
        while (last < _sorted.Count && _sorted[last].Start <= end)
        {
            start = Instant.Min(start, _sorted[last].Start);
            end = Instant.Max(end, _sorted[last].End);
            TotalDuration -= _sorted[last].Duration;
            last++;
        }
        _sorted.RemoveRange(first, last - first);
        _sorted.Insert(first, new Interval(start, end));
        TotalDuration += end - start;
    }

    private int LowerBoundByEnd(Instant start)
    {
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_sorted[mid].End < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    public IntervalSet ToSet() => IntervalSet.Of(_sorted);
}
