using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Projections.Notices;
using Wolverine;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>
/// Says once at start when no SMTP server is configured (notices are then recorded and stay pending, never dropped),
/// and when one is, sends what was left pending for want of one, once Wolverine runs.
/// </summary>
public sealed class NoticeStartup(NoticeMailer mailer, IDocumentStore store, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ILogger<NoticeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mailer.Settings.Configured)
        {
            logger.LogWarning("No SMTP server configured (Smtp:Host): incident notices are recorded as pending and not mailed until one is");
            return Task.CompletedTask;
        }
        lifetime.ApplicationStarted.Register(() => _ = SendWaitingAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SendWaitingAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            await using var session = store.QuerySession();
            var waiting = session.Query<NoticeDelivery>()
                .Where(n => n.Status == NoticeStatus.Pending && n.Attempts == 0 && n.LastError != null)
                .Select(n => n.Id)
                .ToAsyncEnumerable(ct);
            await foreach (var id in waiting)
            {
                await bus.PublishAsync(new SendNotice(id));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not queue the notices left pending without an SMTP server; they stay pending");
        }
    }
}
