using NodaTime;

namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>
/// What every event records besides its facts: the business instant it took effect (R1; a journal line's, or the
/// server's clock for the API) and who caused it. Histories, as-of folds and timelines read these, never reflection.
/// </summary>
public interface IDomainEvent
{
    Instant At { get; }

    Actor By { get; }
}
