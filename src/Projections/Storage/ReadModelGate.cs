using Marten;
using Npgsql;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Keeps writers out while the read models are rebuilt. Every write transaction holds this PostgreSQL advisory lock in
/// shared mode until it ends; a rebuild holds it exclusively from its first delete to its last insert. Without it a
/// command committed mid-rebuild wrote a partial document that the rebuild's inserts then collided with, and commands
/// that read read models (an incident for every account, its notices) decided on empty ones and lost their effect
/// for good. The lock is the database's, so it holds across hosts and the CLI; its key names the store's schema, so a
/// rebuild in one schema does not stop the writers of another on the same database (found by an attacking trial).
/// </summary>
public static class ReadModelGate
{
    private const string Key = "hashtextextended($1, 0)";

    private static string KeyOf(IDocumentStore store) => "spiisee/read-models/" + store.Options.Events.DatabaseSchemaName;

    /// <summary>Inside a write transaction: waits for a running rebuild, then keeps the next one waiting until the transaction ends.</summary>
    public static async Task EnterSharedAsync(IDocumentStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select pg_advisory_xact_lock_shared({Key})", connection, transaction) { Parameters = { new() { Value = KeyOf(store) } } };
        await command.ExecuteScalarAsync(ct);
    }

    /// <summary>For work outside a write transaction that reads read models to decide (notice recipients): held until disposed.</summary>
    public static Task<IAsyncDisposable> SharedAsync(IDocumentStore store, CancellationToken ct) => HoldAsync(store, "pg_advisory_lock_shared", "pg_advisory_unlock_shared", ct);

    /// <summary>For a rebuild: waits for the write transactions under way, keeps new ones waiting until disposed.</summary>
    public static Task<IAsyncDisposable> ExclusiveAsync(IDocumentStore store, CancellationToken ct) => HoldAsync(store, "pg_advisory_lock", "pg_advisory_unlock", ct);

    private static async Task<IAsyncDisposable> HoldAsync(IDocumentStore store, string take, string release, CancellationToken ct)
    {
        var key = KeyOf(store);
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"select {take}({Key})", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteScalarAsync(ct);
            return new Held(connection, release, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string release, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"select {release}({Key})", connection) { Parameters = { new() { Value = key } } };
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // Closing the session releases a session-level lock even when the statement above failed.
                await connection.DisposeAsync();
            }
        }
    }
}
