using NodaTime;

namespace Spiisee.EventSourced.Domain.Incidents;

/// <summary>What the incident decisions need: who it affects, whether it is resolved, whether its trouble tickets were opened.</summary>
public sealed record IncidentState(
    string IncidentId, string Title, string Impact, IReadOnlyList<string>? Accounts, Instant StartedAt, Instant DeclaredAt,
    string Status, Instant? ResolvedAt, bool TroubleTicketsOpened)
{
    public bool IsResolved => ResolvedAt is not null;

    public bool Affects(string accountId) => Accounts is null || Accounts.Contains(accountId, StringComparer.Ordinal);

    public static IncidentState? Evolve(IncidentState? state, object @event) => (state, @event) switch
    {
        (null, IncidentDeclared e) => new IncidentState(e.IncidentId, e.Title, e.Impact, e.Accounts, e.StartedAt, e.At, "Declared", null, false),
        (not null, IncidentUpdated e) => state with { Status = e.Status },
        (not null, IncidentResolved e) => state with { Status = "Resolved", ResolvedAt = e.At },
        (not null, IncidentTroubleTicketsOpened) => state with { TroubleTicketsOpened = true },
        _ => state,
    };
}
