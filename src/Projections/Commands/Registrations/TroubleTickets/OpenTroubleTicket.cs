using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.TroubleTickets;

/// <summary>R8: a trouble ticket replacing an open support ticket; its opening starts the outage.</summary>
public sealed record OpenTroubleTicketBody(string TroubleTicketId, string ReplacesTicketId, TroubleTicketKind Kind);

public sealed class OpenTroubleTicketRegistration : CommandRegistration<OpenTroubleTicket, OpenTroubleTicketBody>
{
    public override CommandRoute Route { get; } = new("/trouble-tickets", "Trouble tickets", "Open a trouble ticket replacing a support ticket (R8)");

    protected override OpenTroubleTicket ReadCommand(JObject o) =>
        new(Id(o, "troubleTicketId"), Id(o, "replacesTicketId"), Enum<TroubleTicketKind>(o, "kind"));

    protected override IEnumerable<StreamRef> Reads(OpenTroubleTicket c) => [StreamRef.Ticket(c.ReplacesTicketId), StreamRef.TroubleTicket(c.TroubleTicketId)];

    protected override Decision Decide(OpenTroubleTicket c, CommandContext ctx, StreamStates s) =>
        TroubleTicketDecider.Decide(s.Ticket(c.ReplacesTicketId), s.TroubleTicket(c.TroubleTicketId), c, ctx);
}
