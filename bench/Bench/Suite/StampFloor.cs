using System.Diagnostics;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// What the host's one database read per statement request costs by itself: the host's own stamp reader
/// (<see cref="StatementStamps"/>, multiplexed and prepared, as the host runs it) asked by <c>concurrency</c> callers at
/// once for random accounts and months, with no HTTP, no authentication and no computation. The host that reads the
/// database once per request cannot serve more statements than this; it is set against pgbench's read of the same keys.
/// </summary>
public static class StampFloor
{
    public static async Task<HttpVsSql.Load> MeasureAsync(string connection, string schema, int accounts, int concurrency, int seconds)
    {
        using var store = StoreConfiguration.Create(connection, schema);
        using var stamps = new StatementStamps(store, connection);
        await stamps.WarmUpAsync(default);
        await ReadAsync(stamps, accounts, concurrency, TimeSpan.FromSeconds(Math.Min(3, seconds))); // JIT and prepared statements
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var (latencies, elapsed) = await ReadAsync(stamps, accounts, concurrency, TimeSpan.FromSeconds(seconds));
        self.Refresh();
        latencies.Sort();
        return new HttpVsSql.Load(concurrency, Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99), latencies.Count / elapsed.TotalSeconds,
            (self.TotalProcessorTime - cpu).TotalMilliseconds / latencies.Count);
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> ReadAsync(StatementStamps stamps, int accounts, int concurrency, TimeSpan span)
    {
        var all = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var random = new Random(12 + c);
            var mine = all[c] = new List<double>(1 << 16);
            while (clock.Elapsed < span)
            {
                var m = random.Next(SuiteJournal.Years * 12);
                var start = Stopwatch.GetTimestamp();
                if (await stamps.ReadAsync($"acct-{random.Next(accounts)}", new NodaTime.YearMonth(2021 + m / 12, m % 12 + 1), default) is null)
                {
                    throw new InvalidOperationException("the suite's account has no stamp");
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        clock.Stop();
        return (all.SelectMany(x => x).ToList(), clock.Elapsed);
    }
}
