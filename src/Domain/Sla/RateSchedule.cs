using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

public sealed record RateChange(YearMonth EffectiveMonth, decimal MonthlyRate, Instant RecordedAt);

/// <summary>R5: the rate for month M is the latest rate change effective at or before M, else the registration rate.</summary>
public sealed record RateSchedule(decimal RegisteredRate, IReadOnlyList<RateChange> Changes)
{
    /// <summary>The schedule as it was known at an instant: the changes recorded then or before.</summary>
    public RateSchedule KnownAt(Instant at) =>
        Changes.All(c => c.RecordedAt <= at) ? this : this with { Changes = Changes.Where(c => c.RecordedAt <= at).ToList() };

    public decimal RateFor(YearMonth month)
    {
        RateChange? best = null;
        foreach (var change in Changes)
        {
            if (change.EffectiveMonth > month)
            {
                continue;
            }
            // "Latest" is the latest effective month; among changes for the same month, the one recorded last.
            if (best is null || change.EffectiveMonth > best.EffectiveMonth
                || (change.EffectiveMonth == best.EffectiveMonth && change.RecordedAt >= best.RecordedAt))
            {
                best = change;
            }
        }
        return best?.MonthlyRate ?? RegisteredRate;
    }
}
