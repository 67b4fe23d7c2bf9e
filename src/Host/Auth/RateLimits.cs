using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Spiisee.EventSourced.Host.Api;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>
/// Per-key request limits (configuration <c>RateLimits:{Role}:PermitLimit</c> and <c>:WindowSeconds</c>; a limit of 0
/// means none). A key over its limit gets 429 with Retry-After, and nothing it sent is decided, so no key can grow a
/// stream without bound with refused-but-recorded requests. Defaults: customers 120 and auditors 1,200 requests a
/// minute; back-office keys unlimited (imports and bulk work); requests without a known key 300 a minute per client
/// address (<c>RateLimits:Anonymous:PermitLimit</c>), health and the OpenAPI document included.
/// </summary>
public static class RateLimits
{
    private static readonly Dictionary<Role, int> DefaultPermits = new() { [Role.Customer] = 120, [Role.Auditor] = 1_200, [Role.BackOffice] = 0 };

    /// <remarks>Each value is checked as it is read (<see cref="ConfigValues"/>); the host reads them at start.</remarks>
    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var limits = Enum.GetValues<Role>().ToDictionary(r => r, r => (
            Permits: ConfigValues.Int(configuration, $"RateLimits:{r}:PermitLimit", DefaultPermits[r], 0, int.MaxValue),
            Window: TimeSpan.FromSeconds(ConfigValues.Int(configuration, $"RateLimits:{r}:WindowSeconds", 60, 1, 86_400))));
        var anonymous = ConfigValues.Int(configuration, "RateLimits:Anonymous:PermitLimit", 300, 0, int.MaxValue);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (http.Items[Caller.ItemKey] is not Caller caller)
            {
                // No known key: counted per client address, so guessing keys is slow and costs the host nothing more.
                return anonymous <= 0
                    ? RateLimitPartition.GetNoLimiter("anonymous")
                    : RateLimitPartition.GetFixedWindowLimiter("anonymous:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = anonymous,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            }
            if (limits[caller.Role].Permits <= 0)
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }
            var (permits, window) = limits[caller.Role];
            return RateLimitPartition.GetFixedWindowLimiter(caller.Name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (context, _) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This key has used its requests for now; try again in {seconds} s.");
        };
    }
}
