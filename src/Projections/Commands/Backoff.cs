namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>How long a writer that lost a race waits before deciding again.</summary>
public static class Backoff
{
    public const int MaxAttempts = 8;

    /// <summary>Full jitter on an exponential ceiling: writers that collided once spread out instead of colliding again in step.</summary>
    public static TimeSpan After(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << Math.Min(attempt, 6)));
}
