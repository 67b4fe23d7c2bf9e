using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>The folded state of the streams a unit of work has read, by kind; null for a stream that does not exist.</summary>
public sealed class StreamStates(Func<StreamRef, object?> state)
{
    public AccountState? Account(string id) => (AccountState?)state(StreamRef.Account(id));

    public TicketState? Ticket(string id) => (TicketState?)state(StreamRef.Ticket(id));

    public TroubleTicketState? TroubleTicket(string id) => (TroubleTicketState?)state(StreamRef.TroubleTicket(id));

    /// <summary>R14: the calendar as recorded so far (R3's default when nothing was ever changed).</summary>
    public CalendarHistory Calendar => (CalendarHistory?)state(StreamRef.Calendar) ?? CalendarHistory.Empty;
}
