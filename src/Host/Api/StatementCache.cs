using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// Month statements as last computed by this host, with the <see cref="StatementStamp"/> of the documents they were
/// computed from. A request reads the stamp the database holds now (three numbers, one round trip, no document body)
/// and is served from here only when it is the same; otherwise the statement is computed again from the documents.
/// Exact whatever other hosts or the CLI write meanwhile, since the database, not this host, says what is current.
/// Bounded by <c>Statements:CacheMegabytes</c> (0 turns it off); the least recently used go first.
/// </summary>
public sealed class StatementCache : IDisposable
{
    public sealed record Entry(StatementStamp Stamp, StatementView View, byte[] Json);

    private static readonly Meter Meter = new("Spiisee.EventSourced.Statements");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("spiisee.statement_cache.lookups", description: "Statement requests, by outcome (hit, computed)");

    private readonly MemoryCache? _cache;
    private long _hits;
    private long _computed;

    private readonly StatementStamps _stamps;

    private readonly ILogger _log;

    public StatementCache(IDocumentStore store, string connectionString, long megabytes, ILogger<StatementCache> log)
    {
        _log = log;
        _stamps = new StatementStamps(store, connectionString);
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Min(megabytes, 1L << 30) << 20, CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>Requests answered from the cache, and requests that computed the statement.</summary>
    public (long Hits, long Computed) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _computed));

    /// <summary>The month's statement as the database's documents give it now; null when the account is unknown.</summary>
    public async Task<Entry?> GetAsync(IDocumentStore store, string accountId, YearMonth month, CancellationToken ct)
    {
        var key = new Key(accountId, month);
        var now = _cache is null ? null : await TryReadStampAsync(accountId, month, ct);
        if (now is { } stamp && _cache!.TryGetValue(key, out Entry? cached) && cached?.Stamp == stamp)
        {
            Interlocked.Increment(ref _hits);
            Lookups.Add(1, new KeyValuePair<string, object?>("outcome", "hit"));
            return cached;
        }
        Interlocked.Increment(ref _computed);
        Lookups.Add(1, new KeyValuePair<string, object?>("outcome", "computed"));
        await using var session = store.QuerySession();
        if (await StatementView.LoadCountedAsync(session, accountId, month, ct) is not { } loaded)
        {
            _cache?.Remove(key);
            return null;
        }
        var (view, counts) = loaded;
        var entry = new Entry(now ?? default, view, Json.Utf8(view));
        // Kept only when the documents loaded are the ones the stamp was read from, as far as their counts tell; a write
        // in between leaves it unkept, or kept under a stamp the database has already left, which no request matches.
        if (now is { } read && read.Counts == counts)
        {
            // The view's object graph is counted as about twice its JSON: an estimate, to bound memory, not to account it.
            _cache!.Set(key, entry, new MemoryCacheEntryOptions { Size = 3L * entry.Json.Length + 256 });
        }
        return entry;
    }

    /// <summary>
    /// The stamp, or null when it cannot be read because the schema is not this build's (a column an older build's
    /// migration dropped, a type changed under a prepared statement): the statement is then computed and not kept.
    /// </summary>
    private async Task<StatementStamp?> TryReadStampAsync(string accountId, YearMonth month, CancellationToken ct)
    {
        try
        {
            return await _stamps.ReadAsync(accountId, month, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedTable
                                              or PostgresErrorCodes.FeatureNotSupported)
        {
            _log.LogWarning("Statements are computed without the cache: {Reason} (run db-apply for this build's schema)", e.MessageText);
            return null;
        }
    }

    /// <summary>
    /// At start, in the background: the stamps' data source opens its first connection, which measured about 60 ms
    /// of the first statement request after start otherwise. A failure here is the first request's to report.
    /// </summary>
    public sealed class WarmUp(StatementCache cache) : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await cache._stamps.WarmUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
            {
                // The first request opens the connection itself and reports what fails.
            }
        }
    }

    public void Dispose()
    {
        _cache?.Dispose();
        _stamps.Dispose();
    }

    private readonly record struct Key(string AccountId, YearMonth Month);
}
