using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Incidents;

public sealed record IncidentSummary(string IncidentId, string Title, string Impact, string Status, NodaTime.Instant StartedAt,
    NodaTime.Instant DeclaredAt, NodaTime.Instant? ResolvedAt);

public static class IncidentQueries
{
    public static Task<IncidentFile?> LoadAsync(IQuerySession session, string incidentId, CancellationToken ct) =>
        session.LoadAsync<IncidentFile>(StreamKeys.For(StreamRef.Incident(incidentId)), ct);

    /// <summary>The incidents affecting an account, newest first (R15: a customer's own).</summary>
    public static async Task<IReadOnlyList<IncidentSummary>> ForAccountAsync(IQuerySession session, string accountId, int skip, int take, CancellationToken ct)
    {
        var files = await session.Query<IncidentFile>()
            .Where(i => i.AllAccounts || i.Accounts.Contains(accountId))
            .OrderByDescending(i => i.DeclaredAt).ThenBy(i => i.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        return files.Select(i => new IncidentSummary(i.IncidentId, i.Title, i.Impact, i.Status, i.StartedAt, i.DeclaredAt, i.ResolvedAt)).ToList();
    }
}
