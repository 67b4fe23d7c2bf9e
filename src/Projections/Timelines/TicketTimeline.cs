using NodaTime;
using Spiisee.EventSourced.Domain.Tickets;

namespace Spiisee.EventSourced.Projections.Timelines;

/// <summary>A support ticket's audit timeline: who did what when, priority changes, the decline or replacement.</summary>
public sealed class TicketTimeline
{
    public string Id { get; set; } = "";

    public string TicketId { get; set; } = "";

    public string AccountId { get; set; } = "";

    public Priority Priority { get; set; }

    public TicketStatus Status { get; set; }

    public string? DeclineReason { get; set; }

    public string? ReplacedBy { get; set; }

    public Instant OpenedAt { get; set; }

    public List<TimelineEntry> Entries { get; set; } = [];
}
