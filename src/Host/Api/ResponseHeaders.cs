using Microsoft.AspNetCore.Http;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// Every answer carries account data or a decision about it: no browser may sniff it into another type, and no cache
/// may keep it (a customer's statement must not be served to the next user of a shared proxy).
/// </summary>
public sealed class ResponseHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
