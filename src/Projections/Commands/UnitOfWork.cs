using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>
/// Decides commands against the streams they read and stages the resulting events in one Marten session, so many
/// commands can share a transaction while each stream keeps its order and its optimistic-concurrency check.
/// Streams are read once per unit of work, several at a time, with one query.
/// </summary>
public sealed class UnitOfWork(WriteSession write, IEnumerable<LoadedStream>? carried = null)
{
    private readonly IDocumentSession session = write.Session;

    // Streams carried over from the batch before, as they are once it commits: read from them, not from the database.
    private readonly Dictionary<StreamRef, LoadedStream> _streams = (carried ?? []).ToDictionary(s => s.Stream);

    public IDocumentSession Session => session;

    public Task<Decision> ExecuteAsync(ICommand command, CommandContext ctx, CancellationToken ct) => ExecuteAsync(command, () => ctx, ct);

    /// <summary>Decides with the context made once the streams are read, so a clock read there is never older than what it read.</summary>
    public async Task<Decision> ExecuteAsync(ICommand command, Func<CommandContext> context, CancellationToken ct)
    {
        await PreloadAsync([command], ct);
        var ctx = context();
        var decision = CommandRegistry.For(command).Decide(command, ctx, States());
        foreach (var emitted in decision.Events)
        {
            _streams[emitted.Stream].Apply(emitted.Event);
        }
        return decision;
    }

    /// <summary>Reads every stream the commands need, in at most two queries (their own streams, then dependent ones).</summary>
    public async Task PreloadAsync(IReadOnlyCollection<ICommand> commands, CancellationToken ct)
    {
        await LoadAsync(commands.SelectMany(c => CommandRegistry.For(c).Reads(c)), ct);
        var states = States();
        await LoadAsync(commands.SelectMany(c => CommandRegistry.For(c).DependentReads(c, states)), ct);
        foreach (var command in commands)
        {
            await LoadAsync(await CommandRegistry.For(command).QueriedReadsAsync(command, states, session, ct), ct);
        }
    }

    /// <summary>
    /// Commits what was decided: stages every pending event, takes the statement lock of each account whose
    /// statement inputs change (<see cref="StatementWriters"/>), and saves in one transaction.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        var events = PendingEvents().ToList();
        Stage();
        await StatementWriters.LockAsync(write, events, ct);
        await write.SaveAsync(ct);
    }

    /// <summary>
    /// The streams this unit of work writes, as they will be once it commits (state and version): what the next batch
    /// of an import decides against while this one is still being written. Taken before <see cref="SaveAsync"/>.
    /// </summary>
    public IReadOnlyList<LoadedStream> Written() =>
        _streams.Values.Where(s => s.Pending.Count > 0).Select(s => new LoadedStream(s.Stream, s.State, s.VersionRead + s.Pending.Count)).ToList();

    /// <summary>Every event decided and not yet staged.</summary>
    public IEnumerable<object> PendingEvents() => _streams.Values.SelectMany(s => s.Pending);

    /// <summary>Stages every pending event: one StartStream or Append per stream, with the version it was read at.</summary>
    private void Stage()
    {
        foreach (var stream in _streams.Values.Where(s => s.Pending.Count > 0))
        {
            var key = StreamKeys.For(stream.Stream);
            if (stream.VersionRead == 0)
            {
                session.Events.StartStream(key, stream.Pending.ToArray());
            }
            else
            {
                // Marten's expected version is the stream's version once these events are appended.
                session.Events.Append(key, stream.VersionRead + stream.Pending.Count, stream.Pending.ToArray());
            }
            stream.Pending.Clear();
        }
    }

    private object? State(StreamRef stream) => _streams.TryGetValue(stream, out var s) ? s.State : null;

    private StreamStates States() => new(State, () => _streams.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.State)));

    private async Task LoadAsync(IEnumerable<StreamRef> wanted, CancellationToken ct)
    {
        var missing = wanted.Where(s => !_streams.ContainsKey(s)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var loaded in await StreamLoader.ReadAsync(session, missing, ct))
        {
            _streams[loaded.Stream] = loaded;
        }
    }
}
