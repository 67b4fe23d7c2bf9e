using NodaTime;

namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>
/// The instant a command takes effect (the journal line's, or the server clock's for the API) and who issued it.
/// Decisions never read a clock.
/// </summary>
public sealed record CommandContext(Instant At, Actor By);
