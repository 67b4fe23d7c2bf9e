using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Notices;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>
/// R15: each incident notice (declared, updated, resolved) becomes one <see cref="NoticeDelivery"/> and one
/// <see cref="SendNotice"/> per authorized contact of every affected account. Marten's daemon feeds the incident events
/// here whoever recorded them (an API call or a CLI import); the deliveries, the messages (through Wolverine's outbox)
/// and the subscription's progress commit in one transaction, so a crash either redoes the page or loses nothing.
/// </summary>
public sealed class IncidentNoticeSubscription : BatchSubscription
{
    public IncidentNoticeSubscription() : base("IncidentNotices")
    {
        IncludeType<IncidentDeclared>();
        IncludeType<IncidentUpdated>();
        IncludeType<IncidentResolved>();
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus,
        CancellationToken cancellationToken)
    {
        // Recipients are decided from read models (incident files, account terms): never while a rebuild has them away.
        await using var gate = await ReadModelGate.SharedAsync(operations.DocumentStore, cancellationToken);
        foreach (var e in page.Events)
        {
            if (Notice(e) is not { } notice || await operations.LoadAsync<IncidentFile>(e.StreamKey!, cancellationToken) is not { } incident)
            {
                continue;
            }
            await foreach (var accounts in NoticeRecipients.AccountPagesAsync(operations, incident.AllAccounts ? null : incident.Accounts, cancellationToken))
            {
                var recipients = await NoticeRecipients.AuthorizedAtAsync(operations, accounts, notice.At, cancellationToken);
                var deliveries = recipients.Select(r => new NoticeDelivery
                {
                    Id = NoticeRecipients.DeliveryId(incident.IncidentId, e.Version, r.AccountId, r.ContactId),
                    IncidentId = incident.IncidentId,
                    NoticeVersion = e.Version,
                    Kind = notice.Kind,
                    AccountId = r.AccountId,
                    ContactId = r.ContactId,
                    NoticeAt = notice.At,
                    Title = incident.Title,
                    Impact = incident.Impact,
                    StartedAt = incident.StartedAt,
                    IncidentStatus = notice.Status,
                    Status = NoticeStatus.Pending,
                }).ToList();
                // A page processed again after a crash finds its deliveries and sends nothing twice.
                var known = (await operations.LoadManyAsync<NoticeDelivery>(cancellationToken, deliveries.Select(d => d.Id).ToArray()))
                    .Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var delivery in deliveries.Where(d => !known.Contains(d.Id)))
                {
                    delivery.MessageId = $"{delivery.Id}@notices.spiisee";
                    operations.Store(delivery);
                    await bus.PublishAsync(new SendNotice(delivery.Id));
                }
            }
        }
    }

    private static (string Kind, string Status, NodaTime.Instant At)? Notice(IEvent e) => e.Data switch
    {
        IncidentDeclared d => ("Declared", "Declared", d.At),
        IncidentUpdated u => ("Updated", u.Status, u.At),
        IncidentResolved r => ("Resolved", "Resolved: " + r.Summary, r.At),
        _ => null,
    };
}
