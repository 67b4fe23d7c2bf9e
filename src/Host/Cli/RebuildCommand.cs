using JasperFx.CommandLine;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class RebuildInput
{
}

/// <summary>
/// `rebuild`: every read model replayed from the events in one pass (<see cref="OnePassRebuild"/>). JasperFx's
/// `projections rebuild` gives the same documents through Marten's daemon, projection by projection, more slowly.
/// </summary>
[Description("Rebuild every read model from the events in one pass (after an upgrade, or to check them)")]
public sealed class RebuildCommand : VerbCommand<RebuildInput>
{
    public RebuildCommand() => Usage("Replays every event once, in one transaction: readers keep the read models from before until it commits, and one stopped half-way changes nothing").NoArguments();

    protected override async Task<int> RunAsync(RebuildInput input, VerbContext context)
    {
        // After an upgrade the read models may have new tables or columns: made here, as an import would.
        await SchemaChanges.ApplyAsync(context.Store, context.Ct);
        var outcome = await new OnePassRebuild(context.Store).RunAsync(p => context.Stderr.WriteLine($"rebuild: {p}"), context.Ct);
        await context.Stderr.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"rebuild: {outcome.Events:N0} events, {outcome.Documents:N0} documents in {outcome.Elapsed.TotalSeconds:0.0} s"));
        return ExitCodes.Ok;
    }
}
