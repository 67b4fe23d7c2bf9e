using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Timelines;

/// <summary>One line of an audit timeline: when (UTC and New York local), who, what, and the reason of a decision.</summary>
public sealed record TimelineEntry(long Version, Instant At, string Local, Actor By, string Event, string What, string? Reason);
