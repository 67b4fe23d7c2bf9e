using System.Diagnostics;
using System.Threading.Channels;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Events.Aggregation;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Rebuilds every read model in one read of the events, with the projections' own Evolve methods: events come stream
/// by stream (the primary key's order), each stream's documents are complete when the next stream starts and go to
/// the database by COPY a thousand at a time. The monthly approvals, which gather many streams, are read after it,
/// account by account (<see cref="MonthlyApprovalsPass"/>). Marten's daemon rebuilds one projection at a time, each
/// reading and deserializing the whole store and upserting row by row; measured in docs/benchmarks.md, this pass is
/// several times faster, and it holds only what one stream and one account need, plus one small entry per account
/// (the terms, written last).
/// </summary>
public sealed class OnePassRebuild(IDocumentStore store)
{
    public sealed record Outcome(long Events, long Documents, TimeSpan Elapsed);

    // Documents wait in a batch until it is copied: larger batches outlive the GC's young generations and piled up
    // in the old one (5,000 per batch: 481 MiB peak at a million events; 1,000: 351 MiB, no slower).
    private const int FlushEvery = 1_000;

    public async Task<Outcome> RunAsync(Action<string>? progress, CancellationToken ct)
    {
        // Writers wait while the documents are away; commands under way finish first.
        await using var gate = await ReadModelGate.ExclusiveAsync(store, ct);
        var clock = Stopwatch.StartNew();
        var streams = new IStreamFold[]
        {
            new StreamFold<TicketTimeline>(new TicketTimelineProjection()),
            new StreamFold<TroubleTicketFile>(new TroubleTicketFileProjection()),
            new StreamFold<IncidentFile>(new IncidentFileProjection()),
            new StreamFold<CalendarRecord>(new CalendarRecordProjection()),
        };
        var termsProjection = new AccountTermsProjection();
        var termsTypes = termsProjection.IncludedEventTypes.ToHashSet();
        var terms = new Dictionary<string, AccountTerms>(StringComparer.Ordinal);
        var types = streams.SelectMany(s => s.Types).Concat(termsTypes).Distinct().ToArray();

        // Readers keep the documents from before until the commit; a rebuild that stops half-way leaves them as they were.
        await using var rewrite = await ReadModelRewrite.BeginAsync(store, ct);

        // Writes overlap the reading: full batches go to a writer through a short queue, so one core folds while the
        // database copies, and memory holds at most a few batches.
        var batches = Channel.CreateBounded<List<object>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        long documents = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    await rewrite.WriteAsync(batch, ct);
                    documents += batch.Count;
                }
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e); // the reader's next write throws instead of waiting forever
                throw;
            }
        }, ct);
        var pending = new List<object>(FlushEvery + 16);
        long events = 0;
        string? stream = null;
        async Task CompleteStream()
        {
            foreach (var fold in streams)
            {
                if (fold.Complete() is { } doc)
                {
                    pending.Add(doc);
                }
            }
            if (pending.Count >= FlushEvery)
            {
                await FlushAsync();
                progress?.Invoke($"{events:N0} events read");
            }
        }
        async Task FlushAsync()
        {
            if (pending.Count > 0)
            {
                await batches.Writer.WriteAsync(pending, ct);
                pending = new List<object>(FlushEvery + 16);
            }
        }

        try
        {
            await using (var session = store.QuerySession())
            {
                var all = session.Events.QueryAllRawEvents()
                    .Where(e => e.EventTypesAre(types))
                    .OrderBy(e => e.StreamKey).ThenBy(e => e.Version)
                    .ToAsyncEnumerable(ct);
                await foreach (var e in all)
                {
                    events++;
                    var key = e.StreamKey!;
                    if (!string.Equals(key, stream, StringComparison.Ordinal))
                    {
                        await CompleteStream();
                        stream = key;
                    }
                    foreach (var fold in streams)
                    {
                        fold.Apply(key, e);
                    }
                    if (termsTypes.Contains(e.EventType))
                    {
                        var id = StatementInputEvents.AccountOf(e.Data)!;
                        terms[id] = termsProjection.Evolve(terms.GetValueOrDefault(id), id, e);
                    }
                }
            }
            await CompleteStream();
            await foreach (var doc in MonthlyApprovalsPass.ReadAsync(store, ct))
            {
                pending.Add(doc);
                if (pending.Count >= FlushEvery)
                {
                    await FlushAsync();
                }
            }
            // The terms are complete only once every account stream is read; readers see none of this before the commit.
            pending.AddRange(terms.Values);
            await FlushAsync();
        }
        finally
        {
            batches.Writer.TryComplete(); // the writer drains what it has and stops, even when reading failed
        }
        await writer;
        await rewrite.CommitAsync(ct);
        return new Outcome(events, documents, clock.Elapsed);
    }

    private interface IStreamFold
    {
        IReadOnlyCollection<Type> Types { get; }

        void Apply(string stream, IEvent e);

        object? Complete();
    }

    /// <summary>One single-stream projection folding the current stream, with the event types it declares.</summary>
    private sealed class StreamFold<TDoc>(SingleStreamProjection<TDoc, string> projection) : IStreamFold where TDoc : class
    {
        private readonly HashSet<Type> _types = projection.IncludedEventTypes.ToHashSet();
        private TDoc? _current;

        public IReadOnlyCollection<Type> Types => _types;

        public void Apply(string stream, IEvent e)
        {
            if (_types.Contains(e.EventType))
            {
                _current = projection.Evolve(_current, stream, e);
            }
        }

        public object? Complete()
        {
            var doc = _current;
            _current = null;
            return doc;
        }
    }
}
