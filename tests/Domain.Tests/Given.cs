using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests;

/// <summary>Given-events builders: states are folds of events, exactly as the store replays them.</summary>
public static class Given
{
    public static readonly Actor Journal = Actor.System("journal");

    public static CommandContext When(string instant) => new(I(instant), Journal);

    public static AccountState? Account(params object[] events) => events.Aggregate((AccountState?)null, AccountState.Evolve);

    public static TicketState? Ticket(params object[] events) => events.Aggregate((TicketState?)null, TicketState.Evolve);

    public static TroubleTicketState? TroubleTicket(params object[] events) => events.Aggregate((TroubleTicketState?)null, TroubleTicketState.Evolve);

    public static AccountRegistered AcmeRegistered(Plan plan = Plan.Standard) =>
        new("acme", "Acme Foods", plan, 2200.00m, "USD", D("2026-01-01"), D("2026-12-31"), I("2026-02-02T14:00:00Z"), Journal);

    public static ContactAuthorized Alice() => new("acme", "alice@acme.example", I("2026-02-02T14:01:00Z"), Journal);

    public static AccountState AcmeWithAlice(Plan plan = Plan.Standard) => Account(AcmeRegistered(plan), Alice())!;

    public static TicketOpened T100Opened(Priority priority = Priority.P2) =>
        new("T-100", "acme", "alice@acme.example", "Web", priority, "Incident", "GA", false, "en", null, I("2026-03-02T14:05:00-05:00"), Journal);

    public static TroubleTicketOpened TT100Opened() =>
        new("TT-100", "acme", "T-100", TroubleTicketKind.Outage, Priority.P1, I("2026-03-02T16:30:00-05:00"), Journal);

    public static TroubleTicketAssigned TT100Assigned() =>
        new("TT-100", "agent-7", true, I("2026-03-03T10:00:00-05:00"), Actor.Agent("agent-7"));

    public static TroubleTicketResolved TT100Resolved(RootCause cause = RootCause.PlatformDefect) =>
        new("TT-100", cause, I("2026-03-09T11:00:00-04:00"), Journal);

    public static TroubleTicketClosed TT100Closed() => new("TT-100", I("2026-03-09T12:00:00-04:00"), Journal);

    public static TroubleTicketState ClosedTT100(RootCause cause = RootCause.PlatformDefect) =>
        TroubleTicket(TT100Opened(), TT100Assigned(), TT100Resolved(cause), TT100Closed())!;

    public static IEnumerable<Type> EventTypes(this Decision d) => d.Events.Select(e => e.Event.GetType());
}
