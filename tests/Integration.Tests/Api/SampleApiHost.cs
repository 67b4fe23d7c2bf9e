using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>
/// One host with the samples imported, shared by a test class: booting a host and importing two journals per test
/// was most of the API tests' time. Tests that write use data of their own (a new ticket, another account's stream),
/// so the others still read the samples as imported.
/// </summary>
public sealed class SampleApiHost : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new ApiHost(await PostgresDatabase.SharedAsync());
        await Api.InitializeAsync();
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
