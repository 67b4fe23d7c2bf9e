using Marten;
using Marten.Services;
using Npgsql;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>
/// A Marten session inside a transaction opened first, on a connection of the store's own data source, so commands
/// of ours (the statement locks) run in the same transaction before Marten saves. Opening the transaction up front,
/// rather than with <c>BeginTransactionAsync</c> on a running session, keeps Marten's connection span intact: that
/// call swaps the traced connection lifetime for an untraced one and the span is never ended.
/// </summary>
public sealed class WriteSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private WriteSession(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session)
    {
        _connection = connection;
        _transaction = transaction;
        Session = session;
    }

    public IDocumentSession Session { get; }

    public static async Task<WriteSession> OpenAsync(IDocumentStore store, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
            await Storage.ReadModelGate.EnterSharedAsync(store, connection, transaction, ct);
            // Marten commits on SaveChanges, as with any session; disposing without saving rolls back.
            return new WriteSession(connection, transaction, store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: true)));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    /// <summary>
    /// Saves the session and commits. Marten commits only when the session has work of its own: a transaction that
    /// holds only statements of ours (an import batch whose lines were all refused keeps just their records, written
    /// ahead of the save) is committed here, or it would be rolled back when disposed.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        var pending = Session.PendingChanges;
        if (pending.Streams().Count > 0 || pending.Operations().Any())
        {
            await Session.SaveChangesAsync(ct);
        }
        else
        {
            await _transaction.CommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
