using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.TroubleTickets;

/// <summary>R8: closing ends the outage; an unresolved trouble ticket needs its root cause here.</summary>
public sealed record CloseTroubleTicketBody(RootCause? RootCause = null);

public sealed class CloseTroubleTicketRegistration : CommandRegistration<CloseTroubleTicket, CloseTroubleTicketBody>
{
    public override CommandRoute Route { get; } = new("/trouble-tickets/{troubleTicketId}/closure", "Trouble tickets", "Close, ending the outage (R8)");

    protected override CloseTroubleTicket ReadCommand(JObject o) => new(Id(o, "troubleTicketId"), OptionalEnum<RootCause>(o, "rootCause"));

    protected override IEnumerable<StreamRef> Reads(CloseTroubleTicket c) => [StreamRef.TroubleTicket(c.TroubleTicketId)];

    protected override Decision Decide(CloseTroubleTicket c, CommandContext ctx, StreamStates s) =>
        TroubleTicketDecider.Decide(s.TroubleTicket(c.TroubleTicketId), c, ctx);
}
