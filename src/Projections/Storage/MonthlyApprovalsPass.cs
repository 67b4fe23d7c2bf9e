using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Npgsql;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Projections.Statements;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// The monthly approvals of a rebuild, account by account. An (account, month) gathers approvals from many trouble
/// ticket streams, so the stream-ordered pass cannot finish one until every event is read; holding them all to the
/// end made the rebuild's memory grow with the store (about 120 MB of its peak at a million events). Read apart,
/// ordered by account, an account's months are complete when the next account starts, and only one account is held.
/// </summary>
internal static class MonthlyApprovalsPass
{
    public static async IAsyncEnumerable<MonthlyApprovals> ReadAsync(IDocumentStore store, [EnumeratorCancellation] CancellationToken ct)
    {
        var serializer = store.Options.Serializer();
        var projection = new MonthlyApprovalsProjection();
        var months = new Dictionary<string, MonthlyApprovals>(StringComparer.Ordinal);
        string? account = null;

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        // Within an account, the stored order (seq_id) is the order the projection folds them in live.
        await using var command = new NpgsqlCommand(
            $"select seq_id, data from {store.Options.Events.DatabaseSchemaName}.mt_events " +
            "where type = $1 and is_archived = false order by data ->> 'accountId', seq_id",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = EventTypes.NameOf(typeof(CreditRequestApproved)) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var approved = (CreditRequestApproved)serializer.FromJson(typeof(CreditRequestApproved), reader, 1);
            if (!string.Equals(approved.AccountId, account, StringComparison.Ordinal))
            {
                foreach (var done in months.Values)
                {
                    yield return done;
                }
                months.Clear();
                account = approved.AccountId;
            }
            var e = new Event<CreditRequestApproved>(approved) { Sequence = reader.GetInt64(0) };
            foreach (var month in MonthlyApprovals.KeysOf(approved.AccountId, approved.ToApprovedTroubleTicket()))
            {
                months[month] = projection.Evolve(months.GetValueOrDefault(month), month, e);
            }
        }
        foreach (var done in months.Values)
        {
            yield return done;
        }
    }
}
