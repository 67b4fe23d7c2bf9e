using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// Statement GETs over HTTP with wrk against a raw primary-key read of a statement's document with pgbench, at the same
/// concurrency, on the same random (account, month) keys. Both tools run on this machine beside the server, alike.
/// </summary>
public static partial class HttpVsSql
{
    /// <param name="ServerCpuMsPerRequest">The host's own CPU time per request (HTTP only): what bounds its throughput on shared cores.</param>
    public sealed record Load(int Concurrency, double P50Ms, double P99Ms, double PerSecond, double? ServerCpuMsPerRequest = null);

    /// <summary>
    /// What wrk asks for: <c>Random</c> accounts and months (every statement alike, as an export would); the latest month
    /// of random accounts (<c>Hot</c>, what dashboards and customers ask again and again); or a month that does not
    /// exist (<c>Refused</c>: 400 after the key, the rate limit and the route, with no database: the host's own floor).
    /// </summary>
    public enum Workload { Random, Hot, Refused }

    public static bool ToolsPresent() => Which("wrk") && Which("pgbench");

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    /// <param name="account">One account's random months instead of random accounts (<paramref name="accounts"/> unused).</param>
    public static async Task<Load> WrkAsync(string baseUrl, string key, int accounts, int concurrency, int seconds, Func<TimeSpan> serverCpu,
        Workload workload = Workload.Random, string? account = null)
    {
        // This process's own file: suites run at once must not share a script.
        var script = Path.Combine(Path.GetTempPath(), $"spiisee-wrk-{Environment.ProcessId}-{workload}{(account is null ? "" : "-one")}.lua");
        var last = SuiteJournal.Years * 12 - 1;
        var months = workload switch { Workload.Random => $"math.random(0, {last})", _ => $"{last}" };
        var format = workload == Workload.Refused ? "\"%04d-13\"" : "\"%04d-%02d\"";
        var who = account ?? "acct-\" .. a .. \""; // Lua: the account's id, or acct-N of the random a
        await File.WriteAllTextAsync(script, $$"""
            math.randomseed(12)
            request = function()
              local a = math.random(0, {{accounts - 1}})
              local m = {{months}}
              local month = string.format({{format}}, 2021 + math.floor(m / 12), m % 12 + 1)
              return wrk.format("GET", "/accounts/{{who}}/statements/" .. month, { ["X-Api-Key"] = "{{key}}" })
            end
            """);
        // Warm-up: the JIT reaches its optimised code and the pools fill, as in a host that has run a while.
        await RunAsync("wrk", "-t", "2", "-c", "8", "-d", "8s", "-s", script, baseUrl);
        var cpuBefore = serverCpu();
        var output = await RunAsync("wrk", "-t", Math.Min(2, concurrency).ToString(CultureInfo.InvariantCulture), "-c", concurrency.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s",
            "--latency", "-s", script, baseUrl);
        if (workload != Workload.Refused && Regex.IsMatch(output, @"Non-2xx or 3xx responses"))
        {
            throw new InvalidOperationException("wrk saw error statuses:\n" + output);
        }
        var cpu = serverCpu() - cpuBefore;
        File.Delete(script);
        var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].Value, CultureInfo.InvariantCulture);
        return new Load(concurrency, WrkMs(output, "50%"), WrkMs(output, "99%"),
            double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture), cpu.TotalMilliseconds / requests);
    }

    private static double WrkMs(string output, string percentile)
    {
        var m = Regex.Match(output, $@"\s{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)");
        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
    }

    public static async Task<Load> PgbenchAsync(string connection, string schema, int accounts, int concurrency, int seconds)
    {
        var cs = new NpgsqlConnectionStringBuilder(connection);
        var dir = Directory.CreateTempSubdirectory("spiisee-pgbench");
        var script = Path.Combine(dir.FullName, "read.sql");
        // The statement's largest read, its month's approvals, by primary key; a month with none is still one lookup.
        await File.WriteAllTextAsync(script, $"""
            \set a random(0, {accounts - 1})
            \set m random(0, {SuiteJournal.Years * 12 - 1})
            select data from {schema}.mt_doc_monthlyapprovals where id = 'acct-' || :a || '/' || to_char(date '2021-01-01' + make_interval(months => :m), 'YYYY-MM');
            """);
        var env = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(cs.Password))
        {
            env["PGPASSWORD"] = cs.Password;
        }
        var output = await RunAsync("pgbench", env, dir.FullName, "-n", "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture),
            "-U", cs.Username!, "-M", "prepared", "-c", concurrency.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(2, concurrency).ToString(CultureInfo.InvariantCulture), "-T",
            seconds.ToString(CultureInfo.InvariantCulture), "-l", "-f", script, cs.Database!);
        var latencies = new List<double>();
        foreach (var log in dir.GetFiles("pgbench_log*"))
        {
            foreach (var line in File.ReadLines(log.FullName))
            {
                var parts = line.Split(' ');
                latencies.Add(double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000);
            }
        }
        dir.Delete(recursive: true);
        latencies.Sort();
        var tps = double.Parse(Regex.Match(output, @"tps = ([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        return new Load(concurrency, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)], tps);
    }

    private static Task<string> RunAsync(string tool, params string[] args) => RunAsync(tool, new Dictionary<string, string>(), null, args);

    private static async Task<string> RunAsync(string tool, Dictionary<string, string> env, string? cwd, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd ?? "" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {await stderr}");
        }
        return await stdout + await stderr;
    }
}
