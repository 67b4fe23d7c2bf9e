using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>The Wolverine message every API command travels in: the CLI's import and the API decide through the same code.</summary>
/// <remarks>The instant is the server clock's, read when the command is decided (on each retry), not when it was sent.</remarks>
public sealed record ExecuteCommand(ICommand Command, Actor By);

public static partial class ExecuteCommandHandler
{
    public static async Task<Decision> Handle(ExecuteCommand message, ICommandExecutor executor, NodaTime.IClock clock, ILogger<ExecuteCommand> logger,
        CancellationToken ct)
    {
        var decision = await executor.ExecuteAsync(message.Command, () => new CommandContext(clock.GetCurrentInstant(), message.By), ct);
        // One structured line per decision, so operators can count rejections by reason without reading the store.
        LogDecided(logger, message.Command.GetType().Name, message.By.ToString(),
            decision.Reason ?? "Accepted", decision.Events.Count);
        return decision;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} by {Actor}: {Outcome} ({EventCount} events)")]
    private static partial void LogDecided(ILogger logger, string command, string actor, string outcome, int eventCount);
}
