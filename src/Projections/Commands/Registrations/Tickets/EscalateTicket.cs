using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Tickets;

/// <summary>R7: a higher priority, and why.</summary>
public sealed record EscalateTicketBody(Priority Priority, string? Reason = null);

public sealed class EscalateTicketRegistration : CommandRegistration<EscalateTicket, EscalateTicketBody>
{
    public override CommandRoute Route { get; } = new("/tickets/{ticketId}/escalations", "Tickets", "Escalate a ticket (R7)");

    protected override EscalateTicket ReadCommand(JObject o) => new(Id(o, "ticketId"), Enum<Priority>(o, "priority"), OptionalText(o, "reason"));

    protected override IEnumerable<StreamRef> Reads(EscalateTicket c) => [StreamRef.Ticket(c.TicketId)];

    protected override Decision Decide(EscalateTicket c, CommandContext ctx, StreamStates s) =>
        TicketDecider.Decide(s.Ticket(c.TicketId), c, ctx);
}
