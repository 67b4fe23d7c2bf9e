using Marten;
using Npgsql;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Marten's migration of the schema, one process at a time. <c>ApplyAllConfiguredChangesToDatabaseAsync</c> compares
/// the database with the configuration and runs the difference with no lock of its own: two imports started at once on
/// a schema that did not exist yet both created the same tables and indexes, and one failed on "relation already
/// exists". The lock is a PostgreSQL advisory lock keyed by Marten's own migration lock id
/// (<see cref="StoreOptions.ApplyChangesLockId"/>); whoever comes second finds nothing left to do.
/// </summary>
public static class SchemaChanges
{
    public static async Task ApplyAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var id = (long)((StoreOptions)store.Options).ApplyChangesLockId;
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", connection) { Parameters = { new() { Value = id } } })
        {
            await take.ExecuteNonQueryAsync(ct);
        }
        // Closing the connection releases the lock too, should anything below fail.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = id } } };
        await release.ExecuteNonQueryAsync(ct);
    }
}
