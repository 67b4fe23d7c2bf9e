using System.Text.Json;
using JasperFx.Events.Daemon;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>
/// This node's part in a deployment of several hosts on one database: with Marten's daemon in HotCold mode exactly
/// one node runs the asynchronous shards (the notice subscription), the leader; the others stand by and take over.
/// </summary>
public sealed class NodeRole(IProjectionCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var agents = coordinator.DaemonForMainDatabase().CurrentAgents();
        var role = agents.Count > 0 ? "leader" : "standby";
        return Task.FromResult(HealthCheckResult.Healthy($"{role}: {agents.Count} shard(s) running here",
            new Dictionary<string, object> { ["role"] = role, ["shards"] = agents.Select(a => a.Name.Identity).Order().ToArray() }));
    }

    /// <summary>/health as JSON: the overall status, this node's role, and each check.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var role = report.Entries.TryGetValue("node-role", out var entry) && entry.Data.TryGetValue("role", out var r) ? r : "unknown";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            role,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }
}
