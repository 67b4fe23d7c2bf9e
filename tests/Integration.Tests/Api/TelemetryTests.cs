using System.Collections.Concurrent;
using System.Diagnostics;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>Issue 5: tracing wired for ASP.NET Core, Marten and Wolverine: a command over HTTP leaves spans from each.</summary>
[Collection(PostgresCollection.Name)]
public class TelemetryTests(PostgresDatabase database) : IAsyncLifetime
{
    private readonly ApiHost _api = new(database);

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_command_is_traced_through_the_host_wolverine_and_marten()
    {
        var sources = new ConcurrentDictionary<string, int>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => sources.AddOrUpdate(a.Source.Name, 1, (_, n) => n + 1),
        };
        ActivitySource.AddActivityListener(listener);

        var (status, _) = await _api.Send("POST", "/accounts", ApiHost.BackOffice,
            """{"accountId":"traced","plan":"Standard","monthlyRate":100.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""");

        status.ShouldBe(201);
        sources.Keys.ShouldContain("Microsoft.AspNetCore", string.Join(", ", sources.Keys));
        sources.Keys.ShouldContain("Wolverine", string.Join(", ", sources.Keys));
        sources.Keys.ShouldContain("Marten", string.Join(", ", sources.Keys));
    }
}
