using NodaTime;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;

namespace Spiisee.EventSourced.Domain.TroubleTickets;

public sealed record TroubleTicketState(
    string TroubleTicketId,
    string AccountId,
    string? ReplacesTicketId,
    TroubleTicketKind Kind,
    Priority Priority,
    Instant OpenedAt,
    Instant? MttrAnchorAssignmentAt,
    IReadOnlyList<string> Agents,
    Instant? ResolvedAt,
    RootCause? RootCause,
    Instant? ClosedAt,
    int CreditRequests,
    string? ApprovedRequestId)
{
    public bool IsResolved => ResolvedAt is not null;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>R9: the first assignment before resolution, else the opening instant.</summary>
    public Instant MttrAnchor => Mttr.Anchor(OpenedAt, MttrAnchorAssignmentAt);

    public static TroubleTicketState? Evolve(TroubleTicketState? state, object @event) => (state, @event) switch
    {
        (null, TroubleTicketOpened e) => new TroubleTicketState(e.TroubleTicketId, e.AccountId, e.ReplacesTicketId, e.Kind, e.Priority,
            e.At, null, [], null, null, null, 0, null),
        (not null, TroubleTicketAssigned e) => state with
        {
            Agents = [.. state.Agents, e.AgentId],
            MttrAnchorAssignmentAt = e.AnchorsMttr ? e.At : state.MttrAnchorAssignmentAt,
        },
        (not null, TroubleTicketResolved e) => state with { ResolvedAt = e.At, RootCause = e.RootCause },
        (not null, TroubleTicketClosed e) => state with { ClosedAt = e.At },
        (not null, CreditRequestApproved e) => state with { CreditRequests = state.CreditRequests + 1, ApprovedRequestId = e.RequestId },
        (not null, CreditRequestRejected) => state with { CreditRequests = state.CreditRequests + 1 },
        _ => state,
    };
}
