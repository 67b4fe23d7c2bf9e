using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// The projection daemon is healthy when every asynchronous shard is within a bounded distance of the newest event;
/// inline projections are current by construction.
/// </summary>
public sealed class DaemonHealthCheck(IDocumentStore store) : IHealthCheck
{
    public const long MaxLag = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var head = statistics.EventSequenceNumber;
        var lagging = progress.Where(p => !p.ShardName.StartsWith("HighWaterMark", StringComparison.Ordinal) && head - p.Sequence > MaxLag).ToList();
        var data = progress.ToDictionary(p => p.ShardName, p => (object)p.Sequence);
        data["events"] = head;
        return lagging.Count == 0
            ? HealthCheckResult.Healthy($"{progress.Count} shards, head {head}", data)
            : HealthCheckResult.Degraded($"lagging: {string.Join(", ", lagging.Select(l => l.ShardName))}", data: data);
    }
}
