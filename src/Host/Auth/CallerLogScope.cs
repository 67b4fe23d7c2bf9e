using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>Every log line of a request names its caller (key name, role, account), never the key.</summary>
public sealed class CallerLogScope(RequestDelegate next, ILogger<CallerLogScope> logger)
{
    private static readonly Func<ILogger, string, string, string?, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string, string?>("Caller {caller} ({role}, account {account})");

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Items[Caller.ItemKey] is not Caller caller)
        {
            await next(context);
            return;
        }
        using (Scope(logger, caller.Name, caller.Role.ToString(), caller.AccountId))
        {
            await next(context);
        }
    }
}
