using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.TroubleTickets;

/// <summary>R8, R11: resolved, with the root cause.</summary>
public sealed record ResolveTroubleTicketBody(RootCause RootCause);

public sealed class ResolveTroubleTicketRegistration : CommandRegistration<ResolveTroubleTicket, ResolveTroubleTicketBody>
{
    public override CommandRoute Route { get; } = new("/trouble-tickets/{troubleTicketId}/resolution", "Trouble tickets", "Resolve with a root cause (R8, R11)");

    protected override ResolveTroubleTicket ReadCommand(JObject o) => new(Id(o, "troubleTicketId"), Enum<RootCause>(o, "rootCause"));

    protected override IEnumerable<StreamRef> Reads(ResolveTroubleTicket c) => [StreamRef.TroubleTicket(c.TroubleTicketId)];

    protected override Decision Decide(ResolveTroubleTicket c, CommandContext ctx, StreamStates s) =>
        TroubleTicketDecider.Decide(s.TroubleTicket(c.TroubleTicketId), c, ctx);
}
