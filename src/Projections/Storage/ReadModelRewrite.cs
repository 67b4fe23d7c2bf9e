using Marten;
using Marten.Internal.Storage;
using Npgsql;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// A rebuild's writes in one PostgreSQL transaction: the read models' rows deleted, the new documents copied in with
/// Marten's own COPY loaders, then one commit. Readers keep the documents from before until the commit, and a rebuild
/// that stops half-way (killed, cancelled, the database gone) rolls back to them. Written in transactions of their own,
/// the tables were empty or half-filled for the rebuild's duration, and stayed so after a killed one until the next.
/// Rows are deleted rather than truncated: TRUNCATE would lock every reader out until the commit.
/// </summary>
internal sealed class ReadModelRewrite : IAsyncDisposable
{
    // Every read model the rebuild rewrites, with the copy of its documents.
    private static readonly Dictionary<Type, Func<ReadModelRewrite, List<object>, CancellationToken, Task>> Copies = new()
    {
        [typeof(TicketTimeline)] = (r, d, ct) => r.CopyAsync<TicketTimeline>(d, ct),
        [typeof(TroubleTicketFile)] = (r, d, ct) => r.CopyAsync<TroubleTicketFile>(d, ct),
        [typeof(IncidentFile)] = (r, d, ct) => r.CopyAsync<IncidentFile>(d, ct),
        [typeof(CalendarRecord)] = (r, d, ct) => r.CopyAsync<CalendarRecord>(d, ct),
        [typeof(AccountTerms)] = (r, d, ct) => r.CopyAsync<AccountTerms>(d, ct),
        [typeof(MonthlyApprovals)] = (r, d, ct) => r.CopyAsync<MonthlyApprovals>(d, ct),
    };

    private readonly IDocumentStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ReadModelRewrite(IDocumentStore store, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Opens the transaction and deletes every read model's rows in it (the tables are made first if missing).</summary>
    public static async Task<ReadModelRewrite> BeginAsync(IDocumentStore store, CancellationToken ct)
    {
        foreach (var type in Copies.Keys)
        {
            await store.Storage.Database.EnsureStorageExistsAsync(type, ct);
        }
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
            var rewrite = new ReadModelRewrite(store, connection, transaction);
            foreach (var type in Copies.Keys)
            {
                await using var delete = new NpgsqlCommand($"delete from {store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName}", connection, transaction);
                await delete.ExecuteNonQueryAsync(ct);
            }
            return rewrite;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies a batch of documents of any of the read models' types.</summary>
    public async Task WriteAsync(List<object> documents, CancellationToken ct)
    {
        foreach (var group in documents.GroupBy(d => d.GetType()))
        {
            await Copies[group.Key](this, group.ToList(), ct);
        }
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    private Task CopyAsync<T>(List<object> documents, CancellationToken ct) where T : notnull
    {
        var provider = (MartenDocumentProvider<T>)_store.Storage.Database.Providers.StorageFor<T>();
        return provider.BulkLoader.LoadAsync(_store.Options.Tenancy.Default, _store.Options.Serializer(), _connection, documents.Cast<T>(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync(); // rolls back unless committed
        await _connection.DisposeAsync();
    }
}
