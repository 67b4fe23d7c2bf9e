using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// `bench suite`: every figure of docs/benchmarks.md from one run on the local PostgreSQL, each against its floor, so
/// the ratios hold when absolute times drift. Writes docs/benchmarks.md and docs/benchmarks.json.
/// </summary>
public static class BenchSuite
{
    public sealed record Size(long TargetEvents, int Lines, int Accounts, long Events, double ImportSeconds, long ImportPeakMiB,
        double CopyEventsPerSecond, double MartenEventsPerSecond, double MartenWithReadModelsEventsPerSecond, List<RebuildChild.Result> Rebuilds,
        Cpu? ImportCpu = null, Cpu? MartenCpu = null, Cpu? MartenWithReadModelsCpu = null, double? WarmImportSeconds = null)
    {
        public double ImportLinesPerSecond => Lines / ImportSeconds;
        public double ImportEventsPerSecond => Events / ImportSeconds;
    }

    /// <param name="HttpComputedMedianMs">The month's statement over HTTP from a host that computes it on every request.</param>
    /// <param name="HttpCachedMedianMs">The same, asked again of a host that keeps it (the statement cache).</param>
    public sealed record LargeAccount(int Cases, int Lines, double SpreadLinesPerSecond, double LargeLinesPerSecond,
        double LargeStatementMedianMs, double LargeStatementP99Ms, double SmallStatementMedianMs,
        double? HttpComputedMedianMs = null, double? HttpComputedP99Ms = null, double? HttpCachedMedianMs = null, double? HttpCachedP99Ms = null,
        HttpVsSql.Load? HttpCachedWrk = null, HttpVsSql.Load? HttpComputedWrk = null, StatementPhases.Result? Phases = null);

    public sealed record Report(string Machine, DateTimeOffset At, List<Size> Sizes, LargeAccount? Large,
        List<HttpVsSql.Load> Http, List<HttpVsSql.Load> Sql, ColdStart.Result? Cold, string? Math, HttpVsSql.Load? HttpFloor = null,
        ColdStart.Result? ColdRelease = null, HttpVsSql.Load? HttpHot = null, HttpVsSql.Load? HttpRefused = null, int HttpStatements = 0,
        HttpVsSql.Load? HttpRefusedSerial = null, HttpVsSql.Load? StampFloor = null);

    public static async Task<int> RunAsync(string[] args)
    {
        var unknown = UnknownOptions(args);
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"suite: unknown option(s) {string.Join(", ", unknown)}; known: {string.Join(", ", ValueOptions.Concat(FlagOptions))}");
            return 64;
        }
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("suite needs ConnectionStrings__Spiisee (source scripts/postgres.sh)");
            return 69;
        }
        var sizes = Option(args, "--events", "100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var largeCases = int.Parse(Option(args, "--large", "10000"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds", "10"), CultureInfo.InvariantCulture);
        var hostDll = Option(args, "--host", File.Exists("src/Host/bin/publish/Spiisee.EventSourced.Host.dll")
            ? "src/Host/bin/publish/Spiisee.EventSourced.Host.dll" : "src/Host/bin/Release/net10.0/Spiisee.EventSourced.Host.dll");
        var output = Option(args, "--out", "docs/benchmarks");
        var releaseHost = Option(args, "--release-host", "dist/Spiisee.EventSourced.Host");

        var report = new Report(Environment.ProcessorCount + " cores" + CpuModel() + ", " + (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 30) + " GiB",
            DateTimeOffset.UtcNow, [], null, [], [], null, null);
        string? httpSchema = null;
        var httpAccounts = 0;
        foreach (var target in sizes)
        {
            var (size, schema) = await SizeAsync(connection, target, largest: target == sizes.Max());
            report.Sizes.Add(size);
            Write(report, output);
            if (httpSchema is not null)
            {
                await DropAsync(connection, httpSchema);
            }
            (httpSchema, httpAccounts) = (schema, size.Accounts);
        }
        if (httpSchema is not null && HttpVsSql.ToolsPresent() && File.Exists(hostDll))
        {
            await using var host = await HostProcess.StartAsync(hostDll, httpSchema);
            foreach (var c in new[] { 1, 8, 32 })
            {
                Log($"http: wrk at concurrency {c}");
                report.Http.Add(await HttpVsSql.WrkAsync(host.BaseUrl, HostProcess.Key, httpAccounts, c, seconds, host.CpuTime));
                Log($"sql: pgbench at concurrency {c}");
                report.Sql.Add(await HttpVsSql.PgbenchAsync(connection, httpSchema, httpAccounts, c, seconds));
            }
            Log("http: wrk at concurrency 8, the latest month of random accounts");
            var hot = await HttpVsSql.WrkAsync(host.BaseUrl, HostProcess.Key, httpAccounts, 8, seconds, host.CpuTime, HttpVsSql.Workload.Hot);
            Log("http: wrk at concurrency 8, a month that does not exist (the host's floor)");
            var refused = await HttpVsSql.WrkAsync(host.BaseUrl, HostProcess.Key, httpAccounts, 8, seconds, host.CpuTime, HttpVsSql.Workload.Refused);
            Log("http: wrk at concurrency 1, a month that does not exist (the tail of a request with no database)");
            var refusedSerial = await HttpVsSql.WrkAsync(host.BaseUrl, HostProcess.Key, httpAccounts, 1, seconds, host.CpuTime, HttpVsSql.Workload.Refused);
            report = report with { HttpHot = hot, HttpRefused = refused, HttpRefusedSerial = refusedSerial, HttpStatements = httpAccounts * SuiteJournal.Years * 12 };
            var statement = await host.StatementBytesAsync("acct-0", "2023-03");
            await host.DisposeAsync();
            Log("sql: the host's stamp reader alone, at concurrency 8");
            report = report with { StampFloor = await StampFloor.MeasureAsync(connection, httpSchema, httpAccounts, 8, seconds) };
            Log("http: bare ASP.NET Core, one statement's bytes, wrk at concurrency 8");
            report = report with { HttpFloor = await HttpFloor.MeasureAsync(statement, httpAccounts, 8, seconds) };
            Write(report, output);
        }
        else
        {
            Log("http: skipped (needs wrk, pgbench and the built Host)");
        }
        if (httpSchema is not null)
        {
            await DropAsync(connection, httpSchema);
        }
        report = report with { Large = await LargeAccountAsync(connection, largeCases, hostDll) };
        Write(report, output);
        if (File.Exists(hostDll))
        {
            report = report with { Cold = await ColdStart.MeasureAsync(hostDll, 5) };
            Write(report, output);
        }
        else
        {
            Log($"cold start, HTTP and the large account over HTTP: skipped, no host at {hostDll} (build it first: see the README's Performance section)");
        }
        if (File.Exists(releaseHost))
        {
            Log($"cold start: the release build, {releaseHost}");
            report = report with { ColdRelease = await ColdStart.MeasureAsync(releaseHost, 5) };
            Write(report, output);
        }
        else
        {
            Log($"cold start of the release build: skipped, no {releaseHost} (scripts/publish.sh makes it)");
        }
        if (!args.Contains("--no-math"))
        {
            report = report with { Math = MathTable() };
            Write(report, output);
        }
        Log($"suite: written {output}.md and {output}.json");
        return 0;
    }

    /// <param name="largest">Not the largest size: its import and one-pass rebuild are measured again in a warm process,
    /// to tell what the size costs from what a process's first minutes cost.</param>
    private static async Task<(Size Size, string Schema)> SizeAsync(string connection, long targetEvents, bool largest)
    {
        var schema = "suite_" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Path.GetTempPath(), $"spiisee-suite-{targetEvents}.jsonl");
        // About one event per line (measured); 40 cases per account over five years.
        var written = new SuiteJournal().Write(path, (int)targetEvents, casesPerAccount: 40);
        Log($"size {targetEvents}: {written.Lines} lines, {written.Accounts} accounts; importing into {schema}");
        using var store = StoreConfiguration.Create(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var import = await ImportAsync(store, path);
        double? warmImport = null;
        if (!largest)
        {
            Log($"size {targetEvents}: the same import again, into a schema of its own, in this now warm process");
            using var again = StoreConfiguration.Create(connection, schema + "_warm");
            await again.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            warmImport = (await ImportAsync(again, path)).Seconds;
            await DropAsync(connection, schema + "_warm");
        }
        File.Delete(path);
        long events;
        await using (var session = store.QuerySession())
        {
            events = await session.Events.QueryAllRawEvents().CountAsync();
        }
        Log($"size {targetEvents}: {events} events imported in {import.Seconds:0.0} s ({import.Summary})");
        Log($"size {targetEvents}: COPY baseline");
        var copy = await Baselines.CopyEventsPerSecondAsync(connection, schema, events);
        Log($"size {targetEvents}: Marten append baseline");
        var marten = await Baselines.MartenAppendEventsPerSecondAsync(connection, store, events);
        Log($"size {targetEvents}: Marten append with the read models");
        var martenWithReadModels = await Baselines.MartenAppendEventsPerSecondAsync(connection, store, events, withReadModels: true);
        var rebuilds = new List<RebuildChild.Result>();
        foreach (var mode in largest ? ["read-raw", "read-only", "one-pass", "serialize", "sequential", "parallel"]
                     : new[] { "read-raw", "read-only", "one-pass", "one-pass-warm", "serialize", "sequential", "parallel" })
        {
            Log($"size {targetEvents}: rebuild, {mode}");
            rebuilds.Add(await RebuildChild.MeasureAsync(schema, mode));
        }
        return (new Size(targetEvents, import.Summary.Lines, written.Accounts, events, import.Seconds, import.PeakMiB, copy, marten.EventsPerSecond,
            martenWithReadModels.EventsPerSecond, rebuilds, import.Cpu, marten.Cpu, martenWithReadModels.Cpu, warmImport), schema);
    }

    /// <summary>", Intel(R) Xeon(R) ..." from /proc/cpuinfo: runs on different machines differ in absolute figures.</summary>
    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "" : " (" + line[(line.IndexOf(':') + 1)..].Trim() + ")";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task<(double Seconds, ImportSummary Summary, long PeakMiB, Cpu Cpu)> ImportAsync(IDocumentStore store, string path)
    {
        var importer = new JournalImporter(store, Actor.System("suite"));
        Process.GetCurrentProcess().Refresh();
        var cpu = new CpuMeter();
        cpu.Start();
        var clock = Stopwatch.StartNew();
        await using var reader = File.OpenRead(path);
        var summary = await importer.ImportAsync(reader, _ => ValueTask.CompletedTask, null, default);
        clock.Stop();
        cpu.Stop();
        if (summary.Invalid > 0)
        {
            throw new InvalidOperationException($"the generated journal has invalid lines: {summary}");
        }
        return (clock.Elapsed.TotalSeconds, summary, Process.GetCurrentProcess().PeakWorkingSet64 >> 20, cpu.Total);
    }

    /// <summary>The same approved outages on one account and dealt over 500, imported alike; then month statements read.</summary>
    private static async Task<LargeAccount> LargeAccountAsync(string connection, int cases, string hostDll)
    {
        var journal = new SuiteJournal { Mixed = false };
        var results = new Dictionary<int, (double LinesPerSecond, string Schema, int Lines)>();
        foreach (var accounts in new[] { 500, 1 })
        {
            var schema = "suite_" + Guid.NewGuid().ToString("N")[..8];
            var path = Path.Combine(Path.GetTempPath(), $"spiisee-suite-large-{accounts}.jsonl");
            var written = journal.WriteDealt(path, cases, accounts);
            using var store = StoreConfiguration.Create(connection, schema);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            Log($"large account: {cases} cases over {accounts} account(s), {written.Lines} lines");
            var import = await ImportAsync(store, path);
            File.Delete(path);
            results[accounts] = (written.Lines / import.Seconds, schema, written.Lines);
        }
        var (largeMedian, largeP99) = await StatementReadsAsync(connection, results[1].Schema, "large");
        var (smallMedian, _) = await StatementReadsAsync(connection, results[500].Schema, "acct-7");
        Log("large account: its months computed in this process, by phase");
        var phases = await StatementPhases.MeasureAsync(connection, results[1].Schema, "large", rounds: 10);
        (double Median, double P99)? computed = null, cached = null;
        HttpVsSql.Load? cachedWrk = null, computedWrk = null;
        if (File.Exists(hostDll))
        {
            Log("large account: its months over HTTP, computed each time, then kept");
            computed = await HttpStatementReadsAsync(hostDll, results[1].Schema, "large", cache: false);
            cached = await HttpStatementReadsAsync(hostDll, results[1].Schema, "large", cache: true);
            if (HttpVsSql.ToolsPresent())
            {
                // The same kept months timed by wrk, a client in C with no garbage collector of its own, as the GET table is.
                Log("large account: its kept months with wrk at concurrency 1");
                await using var host = await HostProcess.StartAsync(hostDll, results[1].Schema,
                    settings: new Dictionary<string, string> { ["Statements__CacheMegabytes"] = "256" });
                cachedWrk = await HttpVsSql.WrkAsync(host.BaseUrl, HostProcess.Key, 1, 1, 10, host.CpuTime, account: "large");
                await host.DisposeAsync();
                Log("large account: its months computed on every request, with wrk at concurrency 1");
                await using var computing = await HostProcess.StartAsync(hostDll, results[1].Schema,
                    settings: new Dictionary<string, string> { ["Statements__CacheMegabytes"] = "0" });
                computedWrk = await HttpVsSql.WrkAsync(computing.BaseUrl, HostProcess.Key, 1, 1, 10, computing.CpuTime, account: "large");
            }
        }
        foreach (var r in results.Values)
        {
            await DropAsync(connection, r.Schema);
        }
        return new LargeAccount(cases, results[1].Lines, results[500].LinesPerSecond, results[1].LinesPerSecond, largeMedian, largeP99, smallMedian,
            computed?.Median, computed?.P99, cached?.Median, cached?.P99, cachedWrk, computedWrk, phases);
    }

    /// <summary>Every month of the five years, ten times over, read as the API reads a statement (one batched round trip, then the math).</summary>
    private static async Task<(double MedianMs, double P99Ms)> StatementReadsAsync(string connection, string schema, string account)
    {
        using var store = StoreConfiguration.Create(connection, schema, JasperFx.AutoCreate.None);
        await using var session = store.QuerySession();
        return await TimeEveryMonthAsync(async month =>
            _ = await StatementView.LoadAsync(session, account, month, default) ?? throw new InvalidOperationException($"no account {account}"));
    }

    /// <summary>
    /// Every month of the five years, one request at a time on a kept-alive connection, as a client of the API sees it:
    /// from a host with the statement cache off (every request computes), or on (rounds after the first are served kept).
    /// </summary>
    private static async Task<(double MedianMs, double P99Ms)> HttpStatementReadsAsync(string hostDll, string schema, string account, bool cache)
    {
        await using var host = await HostProcess.StartAsync(hostDll, schema,
            settings: new Dictionary<string, string> { ["Statements__CacheMegabytes"] = cache ? "256" : "0" });
        return await TimeEveryMonthAsync(month => host.StatementBytesAsync(account, $"{month.Year:0000}-{month.Month:00}"));
    }

    /// <summary>Median and p99 of reading every month of the five years, ten rounds after twenty unmeasured ones.</summary>
    private static async Task<(double MedianMs, double P99Ms)> TimeEveryMonthAsync(Func<YearMonth, Task> read)
    {
        var times = new List<double>();
        // The first rounds warm the connection and let the JIT reach its optimised code, as in a host that has run a while.
        const int warmRounds = 20;
        for (var round = 0; round < warmRounds + 10; round++)
        {
            for (var m = 0; m < SuiteJournal.Years * 12; m++)
            {
                var clock = Stopwatch.StartNew();
                await read(new YearMonth(2021, 1).PlusMonths(m));
                if (round >= warmRounds)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }

    private static string? MathTable()
    {
        Log("math: BenchmarkDotNet (short job)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(BenchSuite).Assembly.Location);
        foreach (var a in new[] { "math", "--job", "short", "--filter", "*", "--exporters", "github" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var report = Directory.Exists("BenchmarkDotNet.Artifacts/results")
            ? Directory.GetFiles("BenchmarkDotNet.Artifacts/results", "*-report-github.md").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return report is null ? null : File.ReadAllText(report);
    }

    internal static async Task DropAsync(string connection, string schema)
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", db);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>`bench suite-report [docs/benchmarks]`: the markdown written again from the JSON of the last run.</summary>
    public static int Rewrite(string output)
    {
        var report = JsonSerializer.Deserialize<Report>(File.ReadAllText(output + ".json"))!;
        File.WriteAllText(output + ".md", SuiteReport.Markdown(report));
        return 0;
    }

    private static void Write(Report report, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output + ".json", JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(output + ".md", SuiteReport.Markdown(report));
    }

    private static readonly string[] ValueOptions = ["--events", "--large", "--seconds", "--host", "--out", "--release-host"];
    private static readonly string[] FlagOptions = ["--no-math"];

    /// <summary>A mistyped option would otherwise run the full default suite, 15 to 45 minutes of it.</summary>
    private static List<string> UnknownOptions(string[] args)
    {
        var unknown = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (ValueOptions.Contains(args[i]))
            {
                i++;
            }
            else if (!FlagOptions.Contains(args[i]))
            {
                unknown.Add(args[i]);
            }
        }
        return unknown;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    internal static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
