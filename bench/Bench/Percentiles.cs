namespace Spiisee.EventSourced.Bench;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="q"/> (0.5, 0.99) of latencies sorted ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q) =>
        sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
}
