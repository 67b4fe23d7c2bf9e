using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>A stream as a unit of work sees it: its state, the version read, and what is pending to append.</summary>
public sealed class LoadedStream(StreamRef stream, object? state, long version)
{
    public StreamRef Stream { get; } = stream;

    public object? State { get; private set; } = state;

    /// <summary>The stream's version when it was read: the optimistic-concurrency expectation.</summary>
    public long VersionRead { get; } = version;

    public List<object> Pending { get; } = [];

    public void Apply(object @event)
    {
        State = StreamFolds.Evolve(Stream.Kind, State, @event);
        Pending.Add(@event);
    }
}
