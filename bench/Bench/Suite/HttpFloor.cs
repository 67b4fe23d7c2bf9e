using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// What HTTP itself allows on this machine: bare ASP.NET Core (Kestrel and routing; no authentication, no rate limit, no
/// database, no computation) answering the statement route with the bytes of one real statement, driven by the same wrk
/// script as the host. No ASP.NET Core host can serve statements faster here; the statement target is judged against it.
/// </summary>
public static class HttpFloor
{
    public static async Task<HttpVsSql.Load> MeasureAsync(byte[] statement, int accounts, int concurrency, int seconds)
    {
        var port = ColdStart.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapGet("/accounts/{account}/statements/{month}", (string account, string month) => Results.Bytes(statement, "application/json"));
        await app.StartAsync();
        using var self = Process.GetCurrentProcess();
        return await HttpVsSql.WrkAsync($"http://127.0.0.1:{port}", "none", accounts, concurrency, seconds, () =>
        {
            self.Refresh();
            return self.TotalProcessorTime;
        });
    }
}
