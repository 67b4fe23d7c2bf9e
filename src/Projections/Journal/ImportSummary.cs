namespace Spiisee.EventSourced.Projections.Journal;

public sealed record ImportSummary(int Lines, int Accepted, int Rejected, int Invalid, int AlreadyApplied, TimeSpan Elapsed)
{
    public double LinesPerSecond => Elapsed.TotalSeconds > 0 ? Lines / Elapsed.TotalSeconds : Lines;

    public override string ToString() =>
        $"{Lines} lines: {Accepted} accepted, {Rejected} rejected, {Invalid} invalid ({AlreadyApplied} already applied) in {Elapsed.TotalSeconds:F1} s, {LinesPerSecond:F0} lines/s";
}
