using Marten;
using Npgsql;
using NodaTime;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Statements;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>
/// What a month's statement is a function of, in three numbers: the events folded into the account's terms, into the
/// month's approvals and into the calendar. Equal stamps mean equal statements (the documents only grow by folding, one
/// writer at a time per account), on any host and after any rebuild, which folds the same events in the same order.
/// </summary>
public readonly record struct StatementStamp(long Terms, long Month, long Calendar)
{
    /// <summary>The stamp of the documents a statement was computed from.</summary>
    public static StatementStamp Of(AccountTerms terms, MonthlyApprovals? month, CalendarRecord? calendar) =>
        new(terms.EventsFolded, month?.EventsFolded ?? 0, calendar?.EventsFolded ?? 0);
}

/// <summary>
/// Reads <see cref="StatementStamp"/>s as the database holds them now, from the fold-count columns alone: one round trip
/// on a pooled connection, no document body read, no session. A month or calendar without a document counts zero
/// events, and so does a document written before the column existed: its content stays what it is until its next
/// fold, which counts one.
/// </summary>
public sealed class StatementStamps
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _sql;

    public StatementStamps(IDocumentStore store)
    {
        // Marten's own pool, so the stamp reads share its connections and settings.
        _dataSource = ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource;
        string Table(Type type) => store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
        _sql = $"""
                select coalesce(t.events_folded, 0),
                       coalesce((select m.events_folded from {Table(typeof(MonthlyApprovals))} m where m.id = $2), 0),
                       coalesce((select c.events_folded from {Table(typeof(CalendarRecord))} c where c.id = $3), 0)
                from {Table(typeof(AccountTerms))} t where t.id = $1
                """;
    }

    /// <summary>The stamp now; null when the account is unknown.</summary>
    public async Task<StatementStamp?> ReadAsync(string accountId, YearMonth month, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(_sql);
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        command.Parameters.Add(new NpgsqlParameter { Value = MonthlyApprovals.Key(accountId, month) });
        command.Parameters.Add(new NpgsqlParameter { Value = CalendarRecord.Key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StatementStamp(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }
}
