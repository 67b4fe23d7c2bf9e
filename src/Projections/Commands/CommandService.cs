using Marten;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Executes one command in its own transaction. An interface so hosts and tests can decorate or replace it.</summary>
public interface ICommandExecutor
{
    /// <summary>
    /// Decides and records a command; the context is made for each attempt, after its reads, so a command stamped with
    /// the clock is never dated before a change it read (R14's calendar changes must not go back in time).
    /// </summary>
    Task<Decision> ExecuteAsync(ICommand command, Func<CommandContext> context, CancellationToken ct);

    Task<Decision> ExecuteAsync(ICommand command, CommandContext ctx, CancellationToken ct) => ExecuteAsync(command, () => ctx, ct);
}

/// <summary>
/// One command, one transaction: read the streams it needs, decide, append with the versions read. When another
/// writer got there first the command is decided again on fresh state, so a concurrent writer is never lost; after
/// <see cref="DefaultMaxAttempts"/> tries the caller is told (HTTP 409) and nothing of that command is written.
/// </summary>
public sealed class CommandService(IDocumentStore store, int maxAttempts = CommandService.DefaultMaxAttempts) : ICommandExecutor
{
    public const int DefaultMaxAttempts = Backoff.MaxAttempts;
    public int MaxAttempts { get; } = maxAttempts >= 1 ? maxAttempts : throw new ArgumentOutOfRangeException(nameof(maxAttempts));

    public Task<Decision> ExecuteAsync(ICommand command, CommandContext ctx, CancellationToken ct) => ExecuteAsync(command, () => ctx, ct);

    public async Task<Decision> ExecuteAsync(ICommand command, Func<CommandContext> ctx, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var write = await WriteSession.OpenAsync(store, ct);
            var uow = new UnitOfWork(write);
            var decision = await uow.ExecuteAsync(command, ctx, ct);
            try
            {
                await uow.SaveAsync(ct);
                return decision;
            }
            catch (Exception e) when (ConcurrencyFailures.IsConcurrencyFailure(e))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new ConcurrencyConflictException($"{command.GetType().Name} kept conflicting with concurrent writers", e);
                }
                await Task.Delay(Backoff.After(attempt), ct);
            }
        }
    }
}

public sealed class ConcurrencyConflictException(string message, Exception inner) : Exception(message, inner);
