using NodaTime;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>The business instant an event took effect: every event records it as its At (R1).</summary>
public static class EventInstant
{
    public static Instant Of(object data) =>
        (Instant)(data.GetType().GetProperty("At")?.GetValue(data) ?? throw new InvalidOperationException($"{data.GetType().Name} has no At"));
}
