using System.Diagnostics;
using Marten;
using Npgsql;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// The two floors the import is measured against, on the very events the import stored: PostgreSQL's COPY of those
/// rows into a table shaped like Marten's (the physical limit here), and Marten's own batched append of the same event
/// objects with no domain and no projection (what the event store costs by itself).
/// </summary>
public static class Baselines
{
    public static async Task<double> CopyEventsPerSecondAsync(string connection, string schema, long events)
    {
        var file = Path.Combine(Path.GetTempPath(), $"spiisee-copy-{schema}.bin");
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var output = File.Create(file))
        await using (var export = await db.BeginRawBinaryCopyAsync($"copy (select * from {schema}.mt_events order by seq_id) to stdout (format binary)"))
        {
            await export.CopyToAsync(output);
        }
        await Exec(db, $"drop table if exists {schema}.copy_events; create table {schema}.copy_events (like {schema}.mt_events including all)");
        var clock = Stopwatch.StartNew();
        await using (var input = File.OpenRead(file))
        await using (var import = await db.BeginRawBinaryCopyAsync($"copy {schema}.copy_events from stdin (format binary)"))
        {
            await input.CopyToAsync(import);
        }
        clock.Stop();
        await Exec(db, $"drop table {schema}.copy_events");
        File.Delete(file);
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Marten's append of the stored events, 1,000 per transaction, into a schema of its own: with no projections (the
    /// baseline), or with the project's inline read models (what they cost an append, without the domain's decisions).
    /// </summary>
    public static async Task<(double EventsPerSecond, Cpu Cpu)> MartenAppendEventsPerSecondAsync(string connection, IDocumentStore source, long events, bool withReadModels = false)
    {
        var schema = "base_" + Guid.NewGuid().ToString("N")[..8];
        using var bare = withReadModels
            ? StoreConfiguration.Create(connection, schema)
            : DocumentStore.For(opts => StoreConfiguration.ConfigureEventStore(opts, connection, schema));
        await bare.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var read = source.QuerySession();
        var clock = new Stopwatch();
        var cpu = new CpuMeter();
        var batch = new List<(string Stream, object Data)>(1_000);
        await foreach (var e in read.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToAsyncEnumerable())
        {
            batch.Add((e.StreamKey!, e.Data));
            if (batch.Count == 1_000)
            {
                await Append(bare, batch, clock, cpu);
            }
        }
        await Append(bare, batch, clock, cpu);
        await BenchSuite.DropAsync(connection, schema);
        return (events / clock.Elapsed.TotalSeconds, cpu.Total);
    }

    private static async Task Append(IDocumentStore store, List<(string Stream, object Data)> batch, Stopwatch clock, CpuMeter cpu)
    {
        if (batch.Count == 0)
        {
            return;
        }
        clock.Start();
        cpu.Start();
        await using var session = store.LightweightSession();
        foreach (var group in batch.GroupBy(b => b.Stream))
        {
            session.Events.Append(group.Key, group.Select(g => g.Data).ToArray());
        }
        await session.SaveChangesAsync();
        cpu.Stop();
        clock.Stop();
        batch.Clear();
    }

    private static async Task Exec(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
