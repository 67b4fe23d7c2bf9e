using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Spiisee.EventSourced.Bench;

/// <summary>
/// Start-up as a user meets it, with a built Host (run.sh's dll, or the release build's executable): the wall time of a CLI query, and for the API host the
/// time until /health answers and the latency of the first request after that. Runs against ConnectionStrings__Spiisee
/// in a schema of its own, seeded with the worked example.
/// </summary>
public static class ColdStart
{
    public sealed record Result(double CliMedianSeconds, double CliMinSeconds, double HostReadyMedianSeconds, double FirstRequestMedianMs);

    public static async Task<int> RunAsync(string hostDll, int runs)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (string.IsNullOrEmpty(connection) || !File.Exists(hostDll))
        {
            await Console.Error.WriteLineAsync("cold-start needs ConnectionStrings__Spiisee (source scripts/postgres.sh) and the built Host dll");
            return 69;
        }
        await MeasureAsync(hostDll, runs);
        return 0;
    }

    public static async Task<Result> MeasureAsync(string hostDll, int runs)
    {
        var schema = "cold_" + Guid.NewGuid().ToString("N")[..8];
        var root = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Spiisee.EventSourced.sln")))
        {
            root = root.Parent;
        }
        var sample = Path.Combine(root?.FullName ?? ".", "samples", "march-outage.jsonl");
        try
        {
            return await MeasureAsync(hostDll, runs, schema, sample);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee") is { Length: > 0 } connection)
            {
                await Suite.BenchSuite.DropAsync(connection, schema);
            }
        }
    }

    private static async Task<Result> MeasureAsync(string hostDll, int runs, string schema, string sample)
    {
        await Cli(hostDll, schema, "db-apply");
        await Cli(hostDll, schema, "import", sample);

        var cli = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            cli.Add(await Cli(hostDll, schema, "statement", "--account", "acme", "--month", "2026-03"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cli statement: median {Median(cli):F2} s, min {cli.Min():F2} s, max {cli.Max():F2} s over {runs} runs"));

        var ready = new List<double>();
        var first = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (r, f) = await Host(hostDll, schema);
            ready.Add(r);
            first.Add(f);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host: /health answers after median {Median(ready):F2} s; first statement request median {Median(first) * 1000:F0} ms (min {first.Min() * 1000:F0}, max {first.Max() * 1000:F0}) over {runs} starts"));
        return new Result(Median(cli), cli.Min(), Median(ready), Median(first) * 1000);
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    internal static async Task<double> Cli(string hostDll, string schema, params string[] args)
    {
        var start = Info(hostDll, schema, args);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double Ready, double First)> Host(string hostDll, string schema)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await Suite.HostProcess.StartAsync(hostDll, schema, applySchema: false);
        var ready = clock.Elapsed.TotalSeconds;
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/accounts/acme/statements/2026-03");
        request.Headers.Add("X-Api-Key", Suite.HostProcess.Key);
        var firstClock = Stopwatch.StartNew();
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
        return (ready, firstClock.Elapsed.TotalSeconds);
    }

    internal static ProcessStartInfo Info(string hostDll, string schema, params string[] args)
    {
        // A .dll runs on the shared runtime; anything else is a self-contained build's own executable (scripts/publish.sh).
        var dll = hostDll.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : Path.GetFullPath(hostDll)) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (dll)
        {
            start.ArgumentList.Add(hostDll);
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Storage__Schema"] = schema;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
