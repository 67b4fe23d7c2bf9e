using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>The Domain's folds, chosen by stream kind.</summary>
public static class StreamFolds
{
    public static object? Evolve(StreamKind kind, object? state, object @event) => kind switch
    {
        StreamKind.Account => AccountState.Evolve((AccountState?)state, @event),
        StreamKind.Ticket => TicketState.Evolve((TicketState?)state, @event),
        StreamKind.TroubleTicket => TroubleTicketState.Evolve((TroubleTicketState?)state, @event),
        StreamKind.Calendar => CalendarHistory.Evolve((CalendarHistory?)state, @event),
        StreamKind.Incident => IncidentState.Evolve((IncidentState?)state, @event),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
