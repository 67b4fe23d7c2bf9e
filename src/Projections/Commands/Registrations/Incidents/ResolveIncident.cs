using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Incidents;

/// <summary>R15: an incident resolved, with a summary; nothing follows a resolution.</summary>
public sealed record ResolveIncidentBody(string Summary);

public sealed class ResolveIncidentRegistration : CommandRegistration<ResolveIncident, ResolveIncidentBody>
{
    public override CommandRoute Route { get; } = new("/incidents/{incidentId}/resolution", "Incidents", "Resolve an incident (R15)");

    protected override ResolveIncident ReadCommand(JObject o) => new(Id(o, "incidentId"), NonBlank(o, "summary"));

    protected override IEnumerable<StreamRef> Reads(ResolveIncident c) => [StreamRef.Incident(c.IncidentId)];

    protected override Decision Decide(ResolveIncident c, CommandContext ctx, StreamStates s) => IncidentDecider.Decide(s.Incident(c.IncidentId), c, ctx);
}
