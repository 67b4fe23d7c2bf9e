using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>
/// docs/interfaces.md `history`: a ticket's or trouble ticket's events in order, each with the state it produces, cut at
/// an instant (the business instant the event carries, not the server's write time) or at a version.
/// </summary>
public sealed record HistoryView(string Id, string Kind, string AccountId, long Version, object? State, IReadOnlyList<HistoryEntry> Events)
{
    public static async Task<HistoryView?> LoadAsync(IQuerySession session, StreamRef stream, Instant? asOf, long? version, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(StreamKeys.For(stream), token: ct);
        if (events.Count == 0)
        {
            return null;
        }
        var accountId = events.OrderBy(e => e.Version).First().Data switch
        {
            Domain.Tickets.TicketOpened t => t.AccountId,
            Domain.TroubleTickets.TroubleTicketOpened t => t.AccountId,
            var other => throw new InvalidOperationException($"{stream} starts with {other.GetType().Name}"),
        };
        object? state = null;
        var entries = new List<HistoryEntry>();
        foreach (var e in events.OrderBy(e => e.Version))
        {
            var at = ((IDomainEvent)e.Data).At;
            if ((version is { } v && e.Version > v) || (asOf is { } cut && at > cut))
            {
                break;
            }
            state = StreamFolds.Evolve(stream.Kind, state, e.Data);
            entries.Add(new HistoryEntry(e.Version, at, Instant.FromDateTimeOffset(e.Timestamp), EventTypes.NameOf(e.Data.GetType()), e.Data, state));
        }
        return new HistoryView(stream.Id, stream.Kind.ToString(), accountId, entries.Count == 0 ? 0 : entries[^1].Version, state, entries);
    }
}

public sealed record HistoryEntry(long Version, Instant At, Instant RecordedAt, string Type, object Data, object? State);
