using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spiisee.EventSourced.Host.Api;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>
/// ASP.NET Core authentication by API key (docs/interfaces.md): <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. The caller
/// becomes a principal with its role, and for customers its account and contact; 401 and 403 are problem documents.
/// Logs name the caller (key name, role, account), never the key.
/// </summary>
public sealed partial class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRegistry keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    private const string RefusalItem = "spiisee.refusal";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var caller = keys.Find(presented);
        if (caller is null)
        {
            LogRefused(Logger, Request.Method, Request.Path, "unknown key");
            Context.Items[RefusalItem] = "Unknown API key.";
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }
        Context.Items[Caller.ItemKey] = caller;
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Name), new(ClaimTypes.Role, caller.Role.ToString()) };
        if (caller.AccountId is not null)
        {
            claims.Add(new Claim(Caller.AccountClaim, caller.AccountId));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RefusalItem] is null)
        {
            LogRefused(Logger, Request.Method, Request.Path, "no key");
        }
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\", Bearer";
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            Context.Items[RefusalItem] as string ?? $"No API key: send it in {Header} or Authorization: Bearer.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden",
            Context.Items[Policies.ForbiddenItem] as string ?? $"{Context.Caller().Role switch { Role.Auditor => "An auditor", Role.Customer => "A customer", _ => "This" }} key may not do this.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string reason);

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller; endpoints run only behind an authorization policy, so there is one.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items[Auth.Caller.ItemKey] as Caller ?? throw new InvalidOperationException("no caller: the endpoint has no authorization policy");
}
