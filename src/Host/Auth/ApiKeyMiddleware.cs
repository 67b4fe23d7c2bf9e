using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Host.Api;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>
/// Resolves the caller from X-Api-Key or "Authorization: Bearer". Health, the OpenAPI document and its UI are open;
/// everything else answers 401 without a known key. Logs name the caller (key name, role, account), never the key.
/// </summary>
public sealed partial class ApiKeyMiddleware(RequestDelegate next, ApiKeyRegistry keys, ILogger<ApiKeyMiddleware> logger)
{
    private static readonly string[] OpenPrefixes = ["/health", "/openapi", "/scalar"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/" || OpenPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }
        var presented = Presented(context.Request);
        var caller = presented is null ? null : keys.Find(presented);
        if (caller is null)
        {
            LogRefused(logger, context.Request.Method, path, presented is null ? "no key" : "unknown key");
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\", Bearer";
            await Problems.Write(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                presented is null ? "No API key: send it in X-Api-Key or Authorization: Bearer." : "Unknown API key.");
            return;
        }
        context.Items[Caller.ItemKey] = caller;
        using (CallerScope(logger, caller.Name, caller.Role.ToString(), caller.AccountId))
        {
            await next(context);
        }
    }

    private static readonly Func<ILogger, string, string, string?, IDisposable?> CallerScope =
        LoggerMessage.DefineScope<string, string, string?>("Caller {caller} ({role}, account {account})");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string reason);

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) =>
        context.Items[Auth.Caller.ItemKey] as Caller ?? throw new InvalidOperationException("no caller: the API key middleware did not run");
}
