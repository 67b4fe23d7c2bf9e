using System.Diagnostics;
using System.Globalization;

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
        _machineAtStart = MachineBusySeconds();
    }

    public void Stop()
    {
        _process += Process.GetCurrentProcess().TotalProcessorTime - _processAtStart;
        _machine += MachineBusySeconds() - _machineAtStart;
    }

    public Cpu Total => new(_process.TotalSeconds, _machine);

    /// <summary>CPU time every core of the machine has spent busy since boot (Linux's /proc/stat, in clock ticks of 1/100 s).</summary>
    private static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user nice system idle iowait irq softirq steal: all but idle and iowait are work.
        long busy = 0;
        foreach (var i in new[] { 1, 2, 3, 6, 7, 8 })
        {
            busy += long.Parse(cpu[i], CultureInfo.InvariantCulture);
        }
        return busy / 100.0;
    }
}
