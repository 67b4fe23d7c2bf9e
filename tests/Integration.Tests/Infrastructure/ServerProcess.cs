using System.Diagnostics;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>The built Host binary serving HTTP in its own process, as an operator runs it, so a test can kill it with SIGKILL.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <param name="settings">Configuration as environment variables (Key__Sub=Value).</param>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{InProcessSmtp.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Spiisee.EventSourced.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {process.ExitCode} before it answered");
            }
            try
            {
                using var response = await server.Client.GetAsync("/health");
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        await server.DisposeAsync();
        throw new TimeoutException("the host did not answer within 60 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
