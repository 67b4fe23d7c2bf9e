using Marten;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Projections.Statements;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Incidents;

/// <summary>R15: one Outage trouble ticket per affected account, in one step; no body.</summary>
public sealed record OpenIncidentTroubleTicketsBody;

public sealed class OpenIncidentTroubleTicketsRegistration : CommandRegistration<OpenIncidentTroubleTickets, OpenIncidentTroubleTicketsBody>
{
    public override CommandRoute Route { get; } =
        new("/incidents/{incidentId}/trouble-tickets", "Incidents", "Open an Outage trouble ticket for each affected account (R15)");

    protected override OpenIncidentTroubleTickets ReadCommand(JObject o) => new(Id(o, "incidentId"));

    protected override IEnumerable<StreamRef> Reads(OpenIncidentTroubleTickets c) => [StreamRef.Incident(c.IncidentId)];

    public override bool ReadsBeyondItsStreams => true;

    /// <summary>The affected accounts, and the trouble tickets the step would open for them (to find any already there).</summary>
    protected override async Task<IReadOnlyList<StreamRef>> QueriedReadsAsync(OpenIncidentTroubleTickets c, StreamStates s, IQuerySession session,
        CancellationToken ct)
    {
        if (s.Incident(c.IncidentId) is not { } incident)
        {
            return [];
        }
        // In id order, so the trouble tickets' streams are written in the same order on every run (the decision sorts
        // them too): the table's physical order changes as accounts change.
        var accounts = incident.Accounts ?? await session.Query<AccountTerms>().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        return accounts.SelectMany(a => new[] { StreamRef.Account(a), StreamRef.TroubleTicket(IncidentDecider.TroubleTicketIdFor(c.IncidentId, a)) }).ToList();
    }

    protected override Decision Decide(OpenIncidentTroubleTickets c, CommandContext ctx, StreamStates s)
    {
        var accounts = s.LoadedAccounts();
        // A trouble ticket of that id already there (opened by hand, or by an earlier step) would be opened twice.
        return accounts.Any(a => s.TroubleTicket(IncidentDecider.TroubleTicketIdFor(c.IncidentId, a.AccountId)) is not null)
            ? Decision.Reject(ReasonCodes.DuplicateId)
            : IncidentDecider.Decide(s.Incident(c.IncidentId), accounts, c, ctx);
    }
}
