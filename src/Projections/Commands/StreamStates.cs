using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>The folded state of the streams a unit of work has read, by kind; null for a stream that does not exist.</summary>
public sealed class StreamStates(Func<StreamRef, object?> state, Func<IEnumerable<KeyValuePair<StreamRef, object?>>>? loaded = null)
{
    public AccountState? Account(string id) => (AccountState?)state(StreamRef.Account(id));

    public TicketState? Ticket(string id) => (TicketState?)state(StreamRef.Ticket(id));

    public TroubleTicketState? TroubleTicket(string id) => (TroubleTicketState?)state(StreamRef.TroubleTicket(id));

    public IncidentState? Incident(string id) => (IncidentState?)state(StreamRef.Incident(id));

    /// <summary>Every account read so far (an incident's affected accounts, R15).</summary>
    public IReadOnlyList<AccountState> LoadedAccounts() =>
        (loaded?.Invoke() ?? []).Where(kv => kv.Key.Kind == StreamKind.Account).Select(kv => kv.Value).OfType<AccountState>().ToList();

    /// <summary>R14: the calendar as recorded so far (R3's default when nothing was ever changed).</summary>
    public CalendarHistory Calendar => (CalendarHistory?)state(StreamRef.Calendar) ?? CalendarHistory.Empty;
}
