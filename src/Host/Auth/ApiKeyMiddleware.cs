using Marten;
using Microsoft.AspNetCore.Http;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;
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

    public async Task InvokeAsync(HttpContext context, IDocumentStore store)
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
        if (caller.IsCustomer && !await ContactStillAuthorizedAsync(store, caller, context.RequestAborted))
        {
            // R5: a revoked contact's key stops working at the revocation, for reads as for commands.
            LogRefused(logger, context.Request.Method, path, "contact no longer authorized");
            await Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden",
                $"Contact '{caller.ContactId}' is not an authorized support contact of account '{caller.AccountId}'.");
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

    private static async Task<bool> ContactStillAuthorizedAsync(IDocumentStore store, Caller caller, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var account = await StreamLoader.ReadAsync(session, [StreamRef.Account(caller.AccountId!)], ct);
        return account.Single().State is AccountState state && state.IsAuthorized(caller.ContactId!);
    }

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
