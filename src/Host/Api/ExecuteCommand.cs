using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>The Wolverine message every API command travels in: the CLI's import and the API decide through the same code.</summary>
public sealed record ExecuteCommand(ICommand Command, CommandContext Context);

public static class ExecuteCommandHandler
{
    public static Task<Decision> Handle(ExecuteCommand message, ICommandExecutor executor, CancellationToken ct) =>
        executor.ExecuteAsync(message.Command, message.Context, ct);
}
