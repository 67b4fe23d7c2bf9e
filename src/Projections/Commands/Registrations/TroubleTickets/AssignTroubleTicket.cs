using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.TroubleTickets;

/// <summary>R8: an agent assigned; the first assignment before resolution anchors MTTR (R9).</summary>
public sealed record AssignTroubleTicketBody(string AgentId);

public sealed class AssignTroubleTicketRegistration : CommandRegistration<AssignTroubleTicket, AssignTroubleTicketBody>
{
    public override CommandRoute Route { get; } = new("/trouble-tickets/{troubleTicketId}/assignments", "Trouble tickets", "Assign an agent (R8, R9 anchor)");

    protected override AssignTroubleTicket ReadCommand(JObject o) => new(Id(o, "troubleTicketId"), Id(o, "agentId"));

    protected override IEnumerable<StreamRef> Reads(AssignTroubleTicket c) => [StreamRef.TroubleTicket(c.TroubleTicketId)];

    protected override Decision Decide(AssignTroubleTicket c, CommandContext ctx, StreamStates s) =>
        TroubleTicketDecider.Decide(s.TroubleTicket(c.TroubleTicketId), c, ctx);

    /// <summary>When the system assigns (a journal, a back-office key), the agent assigned is recorded as the actor.</summary>
    protected override Actor ActorFor(AssignTroubleTicket c, Actor caller) => caller.Kind == ActorKind.System ? Actor.Agent(c.AgentId) : caller;
}
