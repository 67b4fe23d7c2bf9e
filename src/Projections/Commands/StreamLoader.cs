using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Reads and folds several streams with a single query over their events.</summary>
public static class StreamLoader
{
    public static async Task<IReadOnlyList<LoadedStream>> ReadAsync(IQuerySession session, IReadOnlyCollection<StreamRef> streams, CancellationToken ct)
    {
        var keys = streams.Select(StreamKeys.For).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey.IsOneOf(keys))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);

        var states = streams.ToDictionary(s => s, _ => ((object?)null, 0L));
        foreach (var e in events)
        {
            var stream = StreamKeys.Parse(e.StreamKey!);
            var (state, _) = states[stream];
            states[stream] = (StreamFolds.Evolve(stream.Kind, state, e.Data), e.Version);
        }
        return states.Select(kv => new LoadedStream(kv.Key, kv.Value.Item1, kv.Value.Item2)).ToList();
    }
}
