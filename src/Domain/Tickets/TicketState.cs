using NodaTime;

namespace Spiisee.EventSourced.Domain.Tickets;

public enum TicketStatus
{
    Open,
    Declined,
    Closed,
    Replaced,
}

public sealed record TicketState(
    string TicketId,
    string AccountId,
    string ContactId,
    string Channel,
    string Category,
    Priority Priority,
    TicketStatus Status,
    Instant OpenedAt,
    string? DeclineReason,
    string? ReplacedBy)
{
    public bool IsOpen => Status == TicketStatus.Open;

    public static TicketState? Evolve(TicketState? state, object @event) => (state, @event) switch
    {
        (null, TicketOpened e) => new TicketState(e.TicketId, e.AccountId, e.ContactId, e.Channel, e.Category, e.Priority,
            TicketStatus.Open, e.At, null, null),
        (not null, TicketDeclined e) => state with { Status = TicketStatus.Declined, DeclineReason = e.Reason },
        (not null, TicketEscalated e) => state with { Priority = e.To },
        (not null, TicketClosed) => state with { Status = TicketStatus.Closed },
        (not null, TicketReplaced e) => state with { Status = TicketStatus.Replaced, ReplacedBy = e.TroubleTicketId },
        _ => state,
    };
}
