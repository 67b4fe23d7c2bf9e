using System.Globalization;
using BenchmarkDotNet.Running;
using Spiisee.EventSourced.Bench;

// dotnet run -c Release --project bench/Bench -- suite [--events 100000,1000000] [--large 10000] [--seconds 10] [--no-math]
//     every figure of docs/benchmarks.md (and .json) from one run
// dotnet run -c Release --project bench/Bench -- journal <file> [lines] [cases per account]   the suite's generated journal
// dotnet run -c Release --project bench/Bench -- journal <file> --dealt <cases> <accounts>   the large-account journal (1 account: "large")
// dotnet run -c Release --project bench/Bench -- math [--job short]   BenchmarkDotNet over the policy math
// dotnet run -c Release --project bench/Bench -- import-load 100000   journal import throughput on PostgreSQL
// dotnet run -c Release --project bench/Bench -- import-file <journal> [batch lines] [times]   one journal imported (times over, fresh schemas), with where the CPU went
// dotnet run -c Release --project bench/Bench -- statement-phases <schema> <account> [rounds]   a month's statement computed, by phase
// dotnet run -c Release --project bench/Bench -- cold-start [host dll] [runs]   CLI query and host first-request latency
// dotnet run -c Release --project bench/Bench -- notices-load [host dll] [accounts]   R15: one incident for every account, mailed
// dotnet run -c Release --project bench/Bench -- http-load [url] [key] [requests] [clients]   queries against a running host
try
{
    return await RunVerbAsync(args);
}
catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
{
    // A missing or malformed argument: say which, and how the verbs are called, rather than a stack trace.
    Console.Error.WriteLine($"bench {args.FirstOrDefault()}: {e.Message}");
    return Usage();
}
catch (IOException e)
{
    Console.Error.WriteLine($"bench {args.FirstOrDefault()}: {e.Message}");
    return 74;
}

static async Task<int> RunVerbAsync(string[] args) => args.FirstOrDefault() switch
{
    "http-load" => await HttpLoad.RunAsync(
        args.Length > 1 ? args[1] : "http://127.0.0.1:5080",
        args.Length > 2 ? args[2] : "demo-auditor-key",
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5_000,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 16),
    "cold-start" => await ColdStart.RunAsync(
        args.Length > 1 ? args[1]
            : File.Exists("src/Host/bin/publish/Spiisee.EventSourced.Host.dll") ? "src/Host/bin/publish/Spiisee.EventSourced.Host.dll"
            : "src/Host/bin/Release/net10.0/Spiisee.EventSourced.Host.dll",
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    "notices-load" => await NoticesLoad.RunAsync(
        args.Length > 1 ? args[1] : "src/Host/bin/Release/net10.0/Spiisee.EventSourced.Host.dll",
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000),
    "import-file" => await ImportFile.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Spiisee.EventSourced.Projections.Journal.JournalImporter.DefaultBatchSize,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1),
    "import-load" => await ImportLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000),
    "math" => Run(args[1..]),
    "statement-phases" => await Spiisee.EventSourced.Bench.Suite.StatementPhases.RunAsync(args[1..]),
    "journal" => Spiisee.EventSourced.Bench.Suite.SuiteJournal.Run(args[1..]),
    "suite-report" => Spiisee.EventSourced.Bench.Suite.BenchSuite.Rewrite(args.Length > 1 ? args[1] : "docs/benchmarks"),
    "suite" => await Spiisee.EventSourced.Bench.Suite.BenchSuite.RunAsync(args[1..]),
    "rebuild-child" => await Spiisee.EventSourced.Bench.Suite.RebuildChild.RunAsync(args[1], args[2]),
    _ => Usage(),
};

static int Run(string[] benchmarkArgs)
{
    BenchmarkSwitcher.FromTypes([typeof(PolicyMathBenchmarks)]).Run(benchmarkArgs.Length > 0 ? benchmarkArgs : ["--filter", "*"]);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Bench suite [options] | journal <file> [lines] [cases per account] | journal <file> --dealt <cases> <accounts> | math | import-load [lines] | import-file <journal> [batch lines] [times] | statement-phases <schema> <account> [rounds] | notices-load [host dll] [accounts] | cold-start [host dll] [runs] | http-load [url] [key] [requests] [clients]");
    return 64;
}
