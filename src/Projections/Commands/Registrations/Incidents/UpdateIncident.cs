using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Incidents;

/// <summary>R15: a status update of an open incident.</summary>
public sealed record UpdateIncidentBody(string Status);

public sealed class UpdateIncidentRegistration : CommandRegistration<UpdateIncident, UpdateIncidentBody>
{
    public override CommandRoute Route { get; } = new("/incidents/{incidentId}/updates", "Incidents", "Post a status update of an incident (R15)");

    protected override UpdateIncident ReadCommand(JObject o) => new(Id(o, "incidentId"), NonBlank(o, "status"));

    protected override IEnumerable<StreamRef> Reads(UpdateIncident c) => [StreamRef.Incident(c.IncidentId)];

    protected override Decision Decide(UpdateIncident c, CommandContext ctx, StreamStates s) => IncidentDecider.Decide(s.Incident(c.IncidentId), c, ctx);
}
