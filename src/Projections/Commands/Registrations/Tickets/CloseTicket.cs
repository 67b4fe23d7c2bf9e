using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Tickets;

/// <summary>R7: closing an open ticket, with how it was resolved.</summary>
public sealed record CloseTicketBody(string? Resolution = null);

public sealed class CloseTicketRegistration : CommandRegistration<CloseTicket, CloseTicketBody>
{
    public override CommandRoute Route { get; } = new("/tickets/{ticketId}/closure", "Tickets", "Close a ticket (R7)");

    protected override CloseTicket ReadCommand(JObject o) => new(Id(o, "ticketId"), OptionalText(o, "resolution"));

    protected override IEnumerable<StreamRef> Reads(CloseTicket c) => [StreamRef.Ticket(c.TicketId)];

    protected override Decision Decide(CloseTicket c, CommandContext ctx, StreamStates s) =>
        TicketDecider.Decide(s.Ticket(c.TicketId), c, ctx);
}
