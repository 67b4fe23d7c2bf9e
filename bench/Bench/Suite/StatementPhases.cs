using System.Diagnostics;
using System.Globalization;
using Marten;
using NodaTime;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// A month's statement computed as the host computes one it does not keep, in its three phases, each timed and its
/// allocations counted: the documents' read and deserialization, the R9-R14 computation, the response's JSON.
/// </summary>
public static class StatementPhases
{
    /// <summary>Per statement: median milliseconds and KiB allocated of each phase, and collections per thousand statements.</summary>
    public sealed record Result(double LoadMs, double ComputeMs, double JsonMs, long LoadKiB, long ComputeKiB, long JsonKiB, long JsonBytes,
        double Gen0PerThousand, double Gen2PerThousand);

    /// <summary>`bench statement-phases &lt;schema&gt; &lt;account&gt; [rounds]`: every month of the suite's five years.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("statement-phases needs ConnectionStrings__Spiisee (source scripts/postgres.sh)");
            return 69;
        }
        if (args.Length is < 2 or > 3 || args.Length == 3 && (!int.TryParse(args[2], CultureInfo.InvariantCulture, out var n) || n < 1))
        {
            await Console.Error.WriteLineAsync("statement-phases <schema> <account> [rounds]: rounds is a whole number of at least 1");
            return 64;
        }
        var rounds = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        Result r;
        try
        {
            r = await MeasureAsync(connection, args[0], args[1], rounds);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.InvalidSchemaName)
        {
            await Console.Error.WriteLineAsync($"statement-phases: schema {args[0]} has no read models ({e.MessageText}); import a journal into it first");
            return 65;
        }
        catch (UnknownAccountException e)
        {
            await Console.Error.WriteLineAsync($"statement-phases: {e.Message}");
            return 65;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args[1]} in {args[0]}, every month of five years, {rounds} rounds, medians per statement: read {r.LoadMs:0.00} ms ({r.LoadKiB:N0} KiB allocated), compute {r.ComputeMs:0.00} ms ({r.ComputeKiB:N0} KiB), JSON {r.JsonMs:0.00} ms ({r.JsonKiB:N0} KiB, {r.JsonBytes:N0} bytes); per 1,000 statements {r.Gen0PerThousand:0} young and {r.Gen2PerThousand:0.0} full collections"));
        return 0;
    }

    public static async Task<Result> MeasureAsync(string connection, string schema, string account, int rounds)
    {
        using var store = StoreConfiguration.Create(connection, schema, JasperFx.AutoCreate.None);
        var load = new List<double>();
        var compute = new List<double>();
        var json = new List<double>();
        long loadBytes = 0, computeBytes = 0, jsonBytes = 0, written = 0;
        var (gen0, gen2) = (0, 0);
        // The first rounds let the JIT reach its optimised code, as in a host that has run a while.
        const int warmRounds = 5;
        for (var round = 0; round < warmRounds + rounds; round++)
        {
            var measured = round >= warmRounds;
            if (round == warmRounds)
            {
                (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
            }
            for (var m = 0; m < SuiteJournal.Years * 12; m++)
            {
                var month = new YearMonth(2021, 1).PlusMonths(m);
                await using var session = store.QuerySession();
                var a0 = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var inputs = await StatementView.LoadInputsAsync(session, account, month, default)
                    ?? throw new UnknownAccountException($"no account {account} in schema {schema}");
                var t1 = clock.Elapsed.TotalMilliseconds;
                var a1 = GC.GetTotalAllocatedBytes(precise: true);
                var view = inputs.Compute();
                var t2 = clock.Elapsed.TotalMilliseconds;
                var a2 = GC.GetTotalAllocatedBytes(precise: true);
                var bytes = JsonBytes.Of(view);
                var t3 = clock.Elapsed.TotalMilliseconds;
                var a3 = GC.GetTotalAllocatedBytes(precise: true);
                if (measured)
                {
                    load.Add(t1);
                    compute.Add(t2 - t1);
                    json.Add(t3 - t2);
                    // The whole process's allocations: the read's continuations run on other threads. Nothing else runs here.
                    (loadBytes, computeBytes, jsonBytes, written) = (loadBytes + a1 - a0, computeBytes + a2 - a1, jsonBytes + a3 - a2, written + bytes.Length);
                }
            }
        }
        var n = load.Count;
        load.Sort();
        compute.Sort();
        json.Sort();
        return new Result(Percentiles.Of(load, 0.5), Percentiles.Of(compute, 0.5), Percentiles.Of(json, 0.5), loadBytes / n >> 10,
            computeBytes / n >> 10, jsonBytes / n >> 10, written / n, (GC.CollectionCount(0) - gen0) * 1000.0 / n, (GC.CollectionCount(2) - gen2) * 1000.0 / n);
    }
}

/// <summary>The account asked for has no terms document in the schema.</summary>
public sealed class UnknownAccountException(string message) : Exception(message);
