using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Projections.Calendar;

namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>At start, turns configured calendar changes into calendar events when the store is empty (R14), and says so.</summary>
public sealed class CalendarSeeding(IDocumentStore store, SpiiseeSettings settings, ILogger<CalendarSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var line in await CalendarSeed.ApplyAsync(store, settings.CalendarSeed, cancellationToken))
        {
            logger.LogWarning("{Outcome}", line);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
