using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>
/// An account's tickets and trouble tickets, newest first, so a customer's contact can follow them and staff can find
/// one. Read from the timeline documents (indexed by account), a page at a time: two queries whatever the count.
/// </summary>
public sealed record TicketListView(
    string AccountId, int Skip, int Take, IReadOnlyList<TicketSummary> Tickets, IReadOnlyList<TroubleTicketSummary> TroubleTickets)
{
    public const int MaxTake = 500;

    public static async Task<TicketListView> LoadAsync(IQuerySession session, string accountId, int skip, int take, CancellationToken ct)
    {
        var tickets = await session.Query<TicketTimeline>()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.OpenedAt).ThenBy(t => t.Id)
            .Skip(skip).Take(take)
            .Select(t => new TicketSummary(t.TicketId, t.Status, t.Priority, t.OpenedAt, t.DeclineReason, t.ReplacedBy))
            .ToListAsync(ct);
        var troubleTickets = await session.Query<TroubleTicketFile>()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.OpenedAt).ThenBy(t => t.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        return new TicketListView(accountId, skip, take, tickets,
            troubleTickets.Select(TroubleTicketSummary.From).ToList());
    }
}

public sealed record TicketSummary(string TicketId, TicketStatus Status, Priority Priority, Instant OpenedAt, string? DeclineReason, string? ReplacedBy);

public sealed record TroubleTicketSummary(
    string TroubleTicketId, string Status, TroubleTicketKind Kind, Priority Priority, string? ReplacesTicketId, Instant OpenedAt,
    Instant? ResolvedAt, RootCause? RootCause, Instant? ClosedAt, string? CreditDecision)
{
    public static TroubleTicketSummary From(TroubleTicketFile f) => new(
        f.TroubleTicketId, f.ClosedAt is not null ? "Closed" : f.ResolvedAt is not null ? "Resolved" : "Open", f.Kind, f.Priority,
        f.ReplacesTicketId, f.OpenedAt, f.ResolvedAt, f.RootCause, f.ClosedAt,
        f.CreditRequests.Count == 0 ? null : f.CreditRequests[^1].Reason ?? f.CreditRequests[^1].Decision);
}
