using NodaTime;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;

namespace Spiisee.EventSourced.Projections.Timelines;

/// <summary>
/// A trouble ticket's file: the facts analysts report on (priority, MTTR anchor, resolution, cause) and every credit
/// request decided on it, plus its audit timeline.
/// </summary>
public sealed class TroubleTicketFile
{
    public string Id { get; set; } = "";

    public string TroubleTicketId { get; set; } = "";

    public string AccountId { get; set; } = "";

    /// <summary>The support ticket it replaced (R8); null for one opened from an incident (R15).</summary>
    public string? ReplacesTicketId { get; set; }

    /// <summary>The incident it was opened from (R15), if any.</summary>
    public string? IncidentId { get; set; }

    public TroubleTicketKind Kind { get; set; }

    public Priority Priority { get; set; }

    public Instant OpenedAt { get; set; }

    public Instant MttrAnchor { get; set; }

    public Instant? ResolvedAt { get; set; }

    public RootCause? RootCause { get; set; }

    public Instant? ClosedAt { get; set; }

    public List<CreditRequestRecord> CreditRequests { get; set; } = [];

    public List<TimelineEntry> Entries { get; set; } = [];
}

public sealed record CreditRequestRecord(string RequestId, string ContactId, Instant At, string Decision, string? Reason, LocalDate? RequestDeadline = null);
