using System.Diagnostics;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>The real host binary on a schema, as in production, with one auditor key; killed when disposed.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string Key = "suite-auditor";

    private readonly Process _process;

    private HostProcess(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public string BaseUrl { get; }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <param name="applySchema">Whether to run db-apply first; the host serves the schema it leaves, as in production.</param>
    /// <param name="settings">Extra configuration, as environment variables (e.g. Statements__CacheMegabytes).</param>
    public static async Task<HostProcess> StartAsync(string hostDll, string schema, bool applySchema = true,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        if (applySchema)
        {
            await ColdStart.Cli(hostDll, schema, "db-apply");
        }
        var port = ColdStart.FreePort();
        var start = ColdStart.Info(hostDll, schema, $"--urls=http://127.0.0.1:{port}");
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        start.Environment["Auth__Keys__0__Name"] = "suite";
        start.Environment["Auth__Keys__0__Key"] = Key;
        start.Environment["Auth__Keys__0__Role"] = "Auditor";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["RateLimits__Auditor__PermitLimit"] = "0"; // the load is the point; a real auditor key has a limit
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var host = new HostProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (host._process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                await host.DisposeAsync();
                throw new TimeoutException("the host exited or did not answer /health within 2 minutes");
            }
            await Task.Delay(50);
        }
    }

    private HttpClient? _http;

    /// <summary>One statement as the API serves it, bytes and all, on a kept-alive connection.</summary>
    public async Task<byte[]> StatementBytesAsync(string account, string month)
    {
        _http ??= new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{account}/statements/{month}");
        request.Headers.Add("X-Api-Key", Key);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _http?.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
