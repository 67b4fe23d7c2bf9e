using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// A full rebuild of every projection in a process of its own, so its peak memory is the rebuild's and nothing else's:
/// one after the other, or all at once through one daemon.
/// </summary>
public static class RebuildChild
{
    public static readonly string[] Projections = ["AccountTerms", "MonthlyApprovals", "TicketTimeline", "TroubleTicketFile", "Calendar", "IncidentFile"];

    /// <param name="AllocatedMiB">Managed memory allocated over the whole rebuild, garbage included: what drives the GC's work.</param>
    /// <param name="GcPauseSeconds">Time the process spent paused for garbage collections.</param>
    /// <param name="ProcessCpuSeconds">CPU time of this process, every thread.</param>
    /// <param name="MachineCpuSeconds">CPU time of the whole machine over the same span (this process, PostgreSQL, anything else).</param>
    public sealed record Result(string Mode, double Seconds, long PeakMiB, Dictionary<string, double> PerProjection, long AllocatedMiB = 0,
        double GcPauseSeconds = 0, double ProcessCpuSeconds = 0, double MachineCpuSeconds = 0);

    /// <summary>In the child: rebuilds and prints one JSON line.</summary>
    public static async Task<int> RunAsync(string schema, string mode)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee")!;
        using var store = StoreConfiguration.Create(connection, schema);
        using var daemon = await store.BuildProjectionDaemonAsync();
        var per = new Dictionary<string, double>();
        if (mode == "one-pass-warm")
        {
            // The same rebuild once untimed first: what is then timed runs on code the JIT has already optimised.
            await new OnePassRebuild(store).RunAsync(null, default);
        }
        var cpu = new CpuMeter();
        cpu.Start();
        var clock = Stopwatch.StartNew();
        // Floors for the rebuilds: reading the events alone, through Marten, and with Npgsql and Newtonsoft by hand.
        if (mode == "read-only")
        {
            await using var session = store.QuerySession();
            long n = 0;
            await foreach (var e in session.Events.QueryAllRawEvents().OrderBy(e => e.StreamKey).ThenBy(e => e.Version).ToAsyncEnumerable())
            {
                n++;
            }
            per["read " + n] = clock.Elapsed.TotalSeconds;
        }
        else if (mode == "read-raw")
        {
            await using var conn = new Npgsql.NpgsqlConnection(connection);
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"select data, type from {schema}.mt_events where is_archived = false order by stream_id, version", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            var serializer = Newtonsoft.Json.JsonSerializer.Create(Spiisee.EventSourced.Projections.Storage.JsonSettings.Create());
            var types = Spiisee.EventSourced.Projections.Storage.EventTypes.All.ToDictionary(t => t.Name, t => t.Type);
            long n = 0;
            while (await reader.ReadAsync())
            {
                var json = reader.GetString(0);
                var type = types.GetValueOrDefault(reader.GetString(1));
                if (type is not null)
                {
                    using var text = new Newtonsoft.Json.JsonTextReader(new StringReader(json));
                    _ = serializer.Deserialize(text, type);
                }
                n++;
            }
            per["raw " + n] = clock.Elapsed.TotalSeconds;
        }
        else if (mode == "serialize")
        {
            // What the rebuild's writes cost this process before the database sees them: every document of the store,
            // read back, then serialized again with the store's serializer; only the serialization is timed.
            var serializer = store.Options.Serializer();
            var serializing = TimeSpan.Zero;
            long documents = 0;
            await using var conn = new Npgsql.NpgsqlConnection(connection);
            await conn.OpenAsync();
            foreach (var type in new[] { typeof(TicketTimeline), typeof(TroubleTicketFile), typeof(MonthlyApprovals), typeof(AccountTerms) })
            {
                var table = ((IDocumentStore)store).Options.FindOrResolveDocumentType(type).TableName.QualifiedName; // as StatementStamps names them
                await using var cmd = new Npgsql.NpgsqlCommand($"select data from {table}", conn);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var doc = serializer.FromJson(type, reader, 0);
                    var started = Stopwatch.GetTimestamp();
                    _ = serializer.ToJson(doc);
                    serializing += Stopwatch.GetElapsedTime(started);
                    documents++;
                }
            }
            per["serialize " + documents] = serializing.TotalSeconds;
        }
        else if (mode is "one-pass" or "one-pass-warm")
        {
            var outcome = await new OnePassRebuild(store).RunAsync(null, default);
            per["every read model"] = outcome.Elapsed.TotalSeconds;
        }
        else if (mode == "parallel")
        {
            await Task.WhenAll(Projections.Select(async name =>
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), default);
                lock (per)
                {
                    per[name] = one.Elapsed.TotalSeconds;
                }
            }));
        }
        else
        {
            foreach (var name in mode.StartsWith("only:") ? [mode[5..]] : Projections)
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), default);
                per[name] = one.Elapsed.TotalSeconds;
            }
        }
        clock.Stop();
        cpu.Stop();
        var result = new Result(mode, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), per,
            GC.GetTotalAllocatedBytes() >> 20, GC.GetTotalPauseDuration().TotalSeconds, cpu.Total.ProcessSeconds, cpu.Total.MachineSeconds);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>In the suite: runs the child and reads its line.</summary>
    public static async Task<Result> MeasureAsync(string schema, string mode)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        // The GC the `rebuild` verb runs with: the host's (an ASP.NET Core app, server GC), not this console's.
        start.Environment["DOTNET_gcServer"] = "1";
        start.ArgumentList.Add(typeof(RebuildChild).Assembly.Location);
        start.ArgumentList.Add("rebuild-child");
        start.ArgumentList.Add(schema);
        start.ArgumentList.Add(mode);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"rebuild-child printed no result (exit {process.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<Result>(last)!;
    }

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
