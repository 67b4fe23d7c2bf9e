using System.Diagnostics;
using System.Globalization;
using Spiisee.EventSourced.Bench.Suite;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench;

/// <summary>
/// One journal imported into a fresh schema, with where the CPU went: this process and the machine (PostgreSQL is
/// most of the rest). For trying the import's hot path on a file of the suite's journal, without the whole suite.
/// </summary>
public static class ImportFile
{
    /// <param name="times">Imports of the same file in this one process, each into a schema of its own: the first runs
    /// cold (JIT, pools, caches), the later ones show the warm rate.</param>
    public static async Task<int> RunAsync(string path, int batch, int times = 1)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee")
            ?? throw new InvalidOperationException("import-file needs ConnectionStrings__Spiisee (source scripts/postgres.sh)");
        for (var i = 0; i < times; i++)
        {
            await ImportOnceAsync(connection, path, batch);
        }
        return 0;
    }

    private static async Task ImportOnceAsync(string connection, string path, int batch)
    {
        var schema = "importfile_" + Guid.NewGuid().ToString("N")[..8];
        using var store = StoreConfiguration.Create(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        try
        {
            var pauses = GC.GetTotalPauseDuration();
            var cpu = new CpuMeter();
            cpu.Start();
            var clock = Stopwatch.StartNew();
            await using var reader = File.OpenRead(path);
            var summary = await new JournalImporter(store, Actor.System("bench"), batch).ImportAsync(reader, _ => ValueTask.CompletedTask, null, default);
            clock.Stop();
            cpu.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-file: {summary}; batch {batch}; {clock.Elapsed.TotalSeconds:0.0} s; CPU this process {cpu.Total.ProcessSeconds:0.0} s (GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:0.0} s), machine {cpu.Total.MachineSeconds:0.0} s; peak {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB"));
        }
        finally
        {
            await BenchSuite.DropAsync(connection, schema);
        }
    }
}
