using Marten;
using Microsoft.Extensions.Hosting;

namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>
/// A Production host never changes the schema it serves (docs/interfaces.md): migrations are an operator's step,
/// <c>db-apply</c>. It refuses to start on a schema that is missing or behind, and says what to run.
/// </summary>
public sealed class SchemaCheck(IDocumentStore store, SpiiseeSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ConfigurationException(ExitCodes.Config,
                $"the database schema '{settings.Schema}' is missing or behind this version: run `db-apply` first ({e.GetType().Name})");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
