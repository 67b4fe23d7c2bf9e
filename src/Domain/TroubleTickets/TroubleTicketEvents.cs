using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;

namespace Spiisee.EventSourced.Domain.TroubleTickets;

/// <summary>R8: the opening instant is the time of determination and the start of the outage.</summary>
public sealed record TroubleTicketOpened(
    string TroubleTicketId, string AccountId, string? ReplacesTicketId, TroubleTicketKind Kind, Priority Priority, Instant At, Actor By,
    string? IncidentId = null) : IDomainEvent;

/// <summary>R8: AnchorsMttr is true for the first assignment made before resolution only.</summary>
public sealed record TroubleTicketAssigned(string TroubleTicketId, string AgentId, bool AnchorsMttr, Instant At, Actor By) : IDomainEvent;

public sealed record TroubleTicketResolved(string TroubleTicketId, RootCause RootCause, Instant At, Actor By) : IDomainEvent;

/// <summary>R8: closing ends the outage.</summary>
public sealed record TroubleTicketClosed(string TroubleTicketId, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// R12: an approved credit request. It carries the facts of its trouble ticket that statements need (R9, R10), so
/// statement projections fold approvals without looking anything up, and the request deadline it was decided
/// against (null on events stored before the field existed).
/// </summary>
public sealed record CreditRequestApproved(
    string TroubleTicketId, string RequestId, string AccountId, string ContactId,
    TroubleTicketKind Kind, RootCause RootCause, Instant OpenedAt, Instant ClosedAt, Instant MttrAnchor, Instant ResolvedAt,
    long OverdueBusinessDays, Instant At, Actor By, LocalDate? RequestDeadline = null) : IDomainEvent
{
    public ApprovedTroubleTicket ToApprovedTroubleTicket() =>
        new(TroubleTicketId, RequestId, Kind, RootCause, OpenedAt, ClosedAt, MttrAnchor, ResolvedAt, At);
}

/// <summary>
/// R12 step 2: a recorded refusal (TroubleTicketNotClosed, LateRequest, ExcludedCause), with what it was decided on:
/// the request deadline once the trouble ticket is closed, and the root cause once resolved (null on older events).
/// </summary>
public sealed record CreditRequestRejected(
    string TroubleTicketId, string RequestId, string AccountId, string ContactId, string Reason, Instant At, Actor By,
    LocalDate? RequestDeadline = null, RootCause? RootCause = null) : IDomainEvent;
