using System.Diagnostics;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>The built Host binary, run as a user runs it: `dotnet Spiisee.EventSourced.Host.dll ...`.</summary>
public static class HostProcess
{
    /// <param name="connection">ConnectionStrings__Spiisee for the process; null runs it with no database configured.</param>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string? connection, string? schema, params string[] args)
    {
        using var process = Start(connection, schema, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The process started, its output left to the caller (to act on a line while it runs).</summary>
    public static Process Start(string? connection, string? schema, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Spiisee.EventSourced.Host.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment.Remove("ConnectionStrings__Spiisee");
        if (connection is not null)
        {
            start.Environment["ConnectionStrings__Spiisee"] = connection;
        }
        if (schema is not null)
        {
            start.Environment["Storage__Schema"] = schema;
        }
        return Process.Start(start)!;
    }
}
