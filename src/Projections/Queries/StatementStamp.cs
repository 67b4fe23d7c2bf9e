using System.Runtime.CompilerServices;
using Marten;
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
    /// <summary>
    /// The stamp as the database holds it now, from the fold-count columns alone: one round trip, no document body
    /// read. Null when the account is unknown. A month or calendar without a document counts zero events, and so does a
    /// document written before the column existed: its content stays what it is until its next fold, which counts one.
    /// </summary>
    public static async Task<StatementStamp?> ReadAsync(IQuerySession session, string accountId, YearMonth month, CancellationToken ct)
    {
        // Marten's several-column form reads each column as a row of its own, hence row(...).
        var sql = Sql.GetOrAdd(session.DocumentStore.Options, options =>
        {
            string Table(Type type) => options.FindOrResolveDocumentType(type).TableName.QualifiedName;
            return $"""
                    select row(coalesce(t.events_folded, 0)),
                           row(coalesce((select m.events_folded from {Table(typeof(MonthlyApprovals))} m where m.id = ?), 0)),
                           row(coalesce((select c.events_folded from {Table(typeof(CalendarRecord))} c where c.id = ?), 0))
                    from {Table(typeof(AccountTerms))} t where t.id = ?
                    """;
        });
        var rows = await session.AdvancedSql.QueryAsync<long, long, long>(sql, ct, MonthlyApprovals.Key(accountId, month), CalendarRecord.Key, accountId);
        return rows.Count == 0 ? null : new StatementStamp(rows[0].Item1, rows[0].Item2, rows[0].Item3);
    }

    /// <summary>The stamp of the documents a statement was computed from.</summary>
    public static StatementStamp Of(AccountTerms terms, MonthlyApprovals? month, CalendarRecord? calendar) =>
        new(terms.EventsFolded, month?.EventsFolded ?? 0, calendar?.EventsFolded ?? 0);

    private static readonly ConditionalWeakTable<IReadOnlyStoreOptions, string> Sql = new();
}
