using System.Diagnostics;
using System.Globalization;

namespace Spiisee.EventSourced.Bench;

/// <summary>
/// A load run against a running host (./scripts/run.sh): a fixed number of GETs over a set of routes from a number
/// of concurrent clients, reporting requests/s, latency percentiles and any status other than 200.
/// </summary>
public static class HttpLoad
{
    private static readonly string[] Routes =
    [
        "/accounts/acme/statements/2026-03",
        "/accounts/globex/statements/2026-01",
        "/accounts/initech/statements/2026-02",
        "/trouble-tickets/TT-100/history",
        "/trouble-tickets/TT-100/timeline",
        "/accounts/acme/statements/2026-03?asOf=2026-03-10T09:30:00-04:00",
    ];

    public static async Task<int> RunAsync(string baseUrl, string key, int requests, int clients)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        foreach (var route in Routes) // warm-up, and a clear message when the host is not there
        {
            using var warm = await http.GetAsync(route);
        }

        var latencies = new double[requests];
        var failures = new int[clients];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(Routes[i % Routes.Length]);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if ((int)response.StatusCode != 200)
                {
                    failures[c]++;
                }
            }
        })));
        clock.Stop();

        Array.Sort(latencies);
        double P(double q) => Percentiles.Of(latencies, q);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http-load: {requests} GETs over {Routes.Length} routes from {clients} clients in {clock.Elapsed.TotalSeconds:0.0} s: {requests / clock.Elapsed.TotalSeconds:0} req/s; latency p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms; non-200: {failures.Sum()}"));
        return failures.Sum() == 0 ? 0 : 1;
    }
}
