using System.Security.Cryptography;
using System.Text;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Domain.Incidents;

/// <summary>R15: platform incidents, their updates and resolution, and the trouble tickets opened from them.</summary>
public static class IncidentDecider
{
    public static Decision Decide(IncidentState? existing, IReadOnlyDictionary<string, AccountState?> listed, DeclareIncident c, CommandContext ctx)
    {
        if (existing is not null)
        {
            return Decision.Reject(ReasonCodes.DuplicateId);
        }
        if (ctx.ReceivedAt is { } received && ctx.At > received)
        {
            return Decision.Reject(ReasonCodes.FutureDated); // a notice would be mailed for an instant still to come
        }
        if (c.Accounts?.Any(a => listed.GetValueOrDefault(a) is null) == true)
        {
            return Decision.Reject(ReasonCodes.UnknownAccount);
        }
        // Declared when it is known: an incident cannot have started after it was declared.
        if (c.StartedAt > ctx.At)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        return Decision.Accept(new Emitted(StreamRef.Incident(c.IncidentId),
            new IncidentDeclared(c.IncidentId, c.Title, c.Impact, c.Accounts, c.StartedAt, ctx.At, ctx.By)));
    }

    public static Decision Decide(IncidentState? incident, UpdateIncident c, CommandContext ctx) =>
        Refusal(incident, ctx) is { } refused
            ? Decision.Reject(refused)
            : Decision.Accept(new Emitted(StreamRef.Incident(c.IncidentId), new IncidentUpdated(c.IncidentId, c.Status, ctx.At, ctx.By)));

    public static Decision Decide(IncidentState? incident, ResolveIncident c, CommandContext ctx) =>
        Refusal(incident, ctx) is { } refused
            ? Decision.Reject(refused)
            : Decision.Accept(new Emitted(StreamRef.Incident(c.IncidentId), new IncidentResolved(c.IncidentId, c.Summary, ctx.At, ctx.By)));

    /// <summary>
    /// R15: one Outage trouble ticket per affected account registered by then, opened at this step's instant, replacing
    /// no support ticket; from then on R8-R13 apply to each. Opening them twice would open each again: DuplicateId.
    /// </summary>
    public static Decision Decide(IncidentState? incident, IReadOnlyCollection<AccountState> accounts, OpenIncidentTroubleTickets c, CommandContext ctx)
    {
        if (incident is null)
        {
            return Decision.Reject(ReasonCodes.UnknownIncident);
        }
        if (incident.TroubleTicketsOpened)
        {
            return Decision.Reject(ReasonCodes.DuplicateId);
        }
        if (ctx.At < incident.DeclaredAt)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        var affected = accounts
            .Where(a => incident.Affects(a.AccountId) && a.RegisteredAt <= ctx.At)
            .OrderBy(a => a.AccountId, StringComparer.Ordinal)
            .Select(a => new IncidentTroubleTicket(a.AccountId, TroubleTicketIdFor(c.IncidentId, a.AccountId)))
            .ToList();
        var events = affected
            .Select(t => new Emitted(StreamRef.TroubleTicket(t.TroubleTicketId),
                // Reading: a platform outage is urgent for every account it reaches, so its trouble tickets are P1.
                new TroubleTicketOpened(t.TroubleTicketId, t.AccountId, null, TroubleTicketKind.Outage, Priority.P1, ctx.At, ctx.By, c.IncidentId)))
            .Append(new Emitted(StreamRef.Incident(c.IncidentId), new IncidentTroubleTicketsOpened(c.IncidentId, affected, ctx.At, ctx.By)))
            .ToArray();
        return Decision.Accept(events);
    }

    /// <summary>
    /// A trouble ticket id per (incident, account), stable so a retried step finds what it opened, and distinct for
    /// distinct pairs: <c>incident.account</c> when the incident id has no dot (so the first dot splits it) and it fits
    /// an id's 128 characters; else the start of the incident id and a digest of both ids.
    /// </summary>
    public static string TroubleTicketIdFor(string incidentId, string accountId)
    {
        var id = $"{incidentId}.{accountId}";
        if (id.Length <= 128 && !incidentId.Contains('.'))
        {
            return id;
        }
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(incidentId + "\n" + accountId)))[..32];
        return $"{incidentId[..Math.Min(incidentId.Length, 60)]}~{digest}";
    }

    private static string? Refusal(IncidentState? incident, CommandContext ctx) => incident switch
    {
        null => ReasonCodes.UnknownIncident,
        _ when ctx.ReceivedAt is { } received && ctx.At > received => ReasonCodes.FutureDated,
        { IsResolved: true } => ReasonCodes.IncidentResolved,
        _ when ctx.At < incident.DeclaredAt => ReasonCodes.OutOfOrder,
        _ => null,
    };
}
