using System.Diagnostics;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>CPU seconds spent over timed spans: by this process, and by the whole machine (PostgreSQL is most of the rest).</summary>
public sealed record Cpu(double ProcessSeconds, double MachineSeconds);

/// <summary>A stopwatch for CPU: started and stopped around the timed work only, as the wall clock beside it is.</summary>
public sealed class CpuMeter
{
    private TimeSpan _process;
    private double _machine;
    private TimeSpan _processAtStart;
    private double _machineAtStart;

    public void Start()
    {
        _processAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _machineAtStart = RebuildChild.MachineBusySeconds();
    }

    public void Stop()
    {
        _process += Process.GetCurrentProcess().TotalProcessorTime - _processAtStart;
        _machine += RebuildChild.MachineBusySeconds() - _machineAtStart;
    }

    public Cpu Total => new(_process.TotalSeconds, _machine);
}
