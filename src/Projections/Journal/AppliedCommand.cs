using NodaTime;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// Marten does not deduplicate events, so every decided journal line leaves this record, written in the same
/// transaction as its events: importing the journal again replays the recorded outcome instead of deciding anew.
/// </summary>
/// <param name="ContentHash">The line's SHA-256, so a different line reusing an id is told apart (null on older records).</param>
public sealed record AppliedCommand(string Id, string Type, Instant At, string Status, string? Reason, string? ContentHash = null);
