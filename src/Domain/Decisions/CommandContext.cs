using NodaTime;

namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>
/// The instant a command takes effect (the journal line's, or the server clock's for the API) and who issued it.
/// Decisions never read a clock.
/// </summary>
/// <param name="ReceivedAt">When the engine received it, if that can differ from <paramref name="At"/> (a journal line's
/// own instant): a calendar change dated after it has not happened yet (R14).</param>
public sealed record CommandContext(Instant At, Actor By, Instant? ReceivedAt = null);
