using NodaTime;

namespace Spiisee.EventSourced.Domain.Time;

/// <summary>
/// A normalised set of half-open instant intervals: sorted, non-empty, non-overlapping and non-adjacent.
/// R10 needs union (overlapping outages count once), subtraction (windows carved out) and clipping to a month.
/// </summary>
public sealed class IntervalSet
{
    public static IntervalSet Empty { get; } = new([]);

    private readonly Interval[] _intervals;

    private IntervalSet(Interval[] normalised) => _intervals = normalised;

    public IReadOnlyList<Interval> Intervals => _intervals;

    public bool IsEmpty => _intervals.Length == 0;

    public Duration TotalDuration
    {
        get
        {
            var total = Duration.Zero;
            foreach (var i in _intervals)
            {
                total += i.Duration;
            }
            return total;
        }
    }

    public static IntervalSet Of(IEnumerable<Interval> intervals)
    {
        var sorted = new List<Interval>();
        foreach (var i in intervals)
        {
            if (i.HasStart && i.HasEnd && i.End > i.Start)
            {
                sorted.Add(i);
            }
        }
        // Equal starts may come in any order: the merge below gives the same set either way.
        sorted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Interval>(sorted.Count);
        foreach (var i in sorted)
        {
            Append(merged, i);
        }
        return new IntervalSet([.. merged]);
    }

    public static IntervalSet Of(params Interval[] intervals) => Of((IEnumerable<Interval>)intervals);

    /// <summary>Both sets are sorted, so one merge pass does it (a statement unions its tickets one by one, R10).</summary>
    public IntervalSet Union(IntervalSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }
        if (IsEmpty)
        {
            return other;
        }
        var a = _intervals;
        var b = other._intervals;
        var merged = new List<Interval>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            Append(merged, j >= b.Length || (i < a.Length && a[i].Start <= b[j].Start) ? a[i++] : b[j++]);
        }
        return new IntervalSet([.. merged]);
    }

    /// <summary>Adds an interval that starts at or after the last one's start, merging when they overlap or touch.</summary>
    private static void Append(List<Interval> merged, Interval i)
    {
        if (merged.Count > 0 && i.Start <= merged[^1].End)
        {
            var last = merged[^1];
            if (i.End > last.End)
            {
                merged[^1] = new Interval(last.Start, i.End);
            }
        }
        else
        {
            merged.Add(i);
        }
    }

    public IntervalSet Clip(Interval bounds) =>
        new(_intervals
            .Where(i => i.End > bounds.Start && i.Start < bounds.End)
            .Select(i => new Interval(Instant.Max(i.Start, bounds.Start), Instant.Min(i.End, bounds.End)))
            .ToArray());

    /// <summary>Both sets are sorted, so one merge-like pass does it.</summary>
    public IntervalSet Subtract(IntervalSet removed)
    {
        var result = new List<Interval>();
        var j = 0;
        var cuts = removed._intervals;
        foreach (var interval in _intervals)
        {
            var start = interval.Start;
            while (j < cuts.Length && cuts[j].End <= start)
            {
                j++;
            }
            var k = j;
            while (k < cuts.Length && cuts[k].Start < interval.End)
            {
                if (cuts[k].Start > start)
                {
                    result.Add(new Interval(start, cuts[k].Start));
                }
                start = Instant.Max(start, cuts[k].End);
                if (start >= interval.End)
                {
                    break;
                }
                k++;
            }
            if (start < interval.End)
            {
                result.Add(new Interval(start, interval.End));
            }
        }
        return new IntervalSet([.. result]);
    }
}
