using System.Globalization;
using BenchmarkDotNet.Running;
using Spiisee.EventSourced.Bench;

// dotnet run -c Release --project bench/Bench -- math [--job short]   BenchmarkDotNet over the policy math
// dotnet run -c Release --project bench/Bench -- import-load 100000   journal import throughput on PostgreSQL
return args.FirstOrDefault() switch
{
    "import-load" => await ImportLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000),
    "math" => Run(args[1..]),
    _ => Usage(),
};

static int Run(string[] benchmarkArgs)
{
    BenchmarkSwitcher.FromTypes([typeof(PolicyMathBenchmarks)]).Run(benchmarkArgs.Length > 0 ? benchmarkArgs : ["--filter", "*"]);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Bench math | import-load [lines]");
    return 64;
}
