using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Incidents;

/// <summary>R15: a platform incident; leave <c>accounts</c> out when it affects every account.</summary>
public sealed record DeclareIncidentBody(string IncidentId, string Title, string Impact, string StartedAt, IReadOnlyList<string>? Accounts = null);

public sealed class DeclareIncidentRegistration : CommandRegistration<DeclareIncident, DeclareIncidentBody>
{
    /// <summary>The most accounts an incident may list; beyond, declare it for every account (leave accounts out).</summary>
    public const int MaxListedAccounts = 10_000;

    public override CommandRoute Route { get; } = new("/incidents", "Incidents", "Declare a platform incident (R15)");

    protected override DeclareIncident ReadCommand(JObject o) => new(Id(o, "incidentId"), Name(o, "title"), NonBlank(o, "impact"),
        OptionalIds(o, "accounts", MaxListedAccounts), Instant(o, "startedAt"));

    protected override IEnumerable<StreamRef> Reads(DeclareIncident c) =>
        [StreamRef.Incident(c.IncidentId), .. (c.Accounts ?? []).Select(StreamRef.Account)];

    protected override Decision Decide(DeclareIncident c, CommandContext ctx, StreamStates s) =>
        IncidentDecider.Decide(s.Incident(c.IncidentId), (c.Accounts ?? []).ToDictionary(a => a, s.Account), c, ctx);
}
