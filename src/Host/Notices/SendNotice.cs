using Marten;
using Microsoft.Extensions.Logging;
using NodaTime;
using Spiisee.EventSourced.Projections.Notices;
using Wolverine;
using Wolverine.Attributes;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>Mail one notice delivery (R15). Durable: it travels through Wolverine's outbox and inbox in PostgreSQL.</summary>
public sealed record SendNotice(string NoticeId);

/// <summary>How often, and after what delays, a notice is tried before it is dead-lettered (<c>Notices:RetryDelaysSeconds</c>).</summary>
public sealed record NoticeRetries(IReadOnlyList<TimeSpan> Delays)
{
    public int MaxAttempts => Delays.Count + 1;

    public static NoticeRetries Default { get; } = new([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)]);
}

public static partial class SendNoticeHandler
{
    /// <summary>
    /// Sends once per delivery: a sent one is never sent again (at least once, never twice in normal operation). A
    /// failure is recorded with its reason and retried later through a durable scheduled message, so each attempt is
    /// on record; after the last one the delivery is dead-lettered (Failed, with why) until the back office re-sends it.
    /// </summary>
    [Transactional]
    public static async Task Handle(SendNotice message, IDocumentSession session, NoticeMailer mailer, NoticeRetries retries, IClock clock,
        IMessageBus bus, ILogger<SendNotice> logger, CancellationToken ct)
    {
        var delivery = await session.LoadAsync<NoticeDelivery>(message.NoticeId, ct);
        if (delivery is null || delivery.Status != NoticeStatus.Pending)
        {
            return;
        }
        if (!mailer.Settings.Configured)
        {
            delivery.LastError = "no SMTP server configured (Smtp:Host); the notice stays pending";
            session.Store(delivery);
            return;
        }
        delivery.Attempts++;
        try
        {
            await mailer.SendAsync(NoticeEmail.Build(delivery, mailer.Settings.From), ct);
            (delivery.Status, delivery.SentAt, delivery.LastError) = (NoticeStatus.Sent, clock.GetCurrentInstant(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.LastError = $"{e.GetType().Name}: {e.Message}";
            if (delivery.Attempts >= retries.MaxAttempts || e is FormatException or MimeKit.ParseException)
            {
                delivery.Status = NoticeStatus.Failed;
                LogDeadLettered(logger, delivery.Id, delivery.ContactId, delivery.Attempts, delivery.LastError);
            }
            else
            {
                await bus.ScheduleAsync(new SendNotice(delivery.Id), retries.Delays[delivery.Attempts - 1]);
            }
        }
        session.Store(delivery);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} to {ContactId} dead-lettered after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string noticeId, string contactId, int attempts, string error);
}
