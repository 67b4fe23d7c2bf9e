using JasperFx.CommandLine;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>A JasperFx command that is one of the Host's verbs: <see cref="CliApp"/> runs it for its sysexits code.</summary>
public interface IVerbCommand : IJasperFxCommand
{
    Task<int> RunAsync(object input, VerbContext context);

    /// <summary>
    /// Whether this run of the verb only reads: it then gets a store without the projections and without Marten's
    /// schema check, which start faster. Verbs that write must not say so, or their events would go unprojected.
    /// </summary>
    bool ReadsOnly(object input);

    /// <summary>The documents the verb reads and the views it prints, whose JSON contracts are resolved while its store is built.</summary>
    IEnumerable<Type> JsonTypes { get; }
}

/// <summary>
/// One of the Host's verbs (interfaces.md): its options are the properties of <typeparamref name="TInput"/>, and it runs
/// against the document store directly, never starting the web host.
/// </summary>
public abstract class VerbCommand<TInput> : JasperFxAsyncCommand<TInput>, IVerbCommand where TInput : notnull
{
    public Task<int> RunAsync(object input, VerbContext context) => RunAsync((TInput)input, context);

    public bool ReadsOnly(object input) => ReadsOnly((TInput)input);

    protected virtual bool ReadsOnly(TInput input) => false;

    public virtual IEnumerable<Type> JsonTypes => [];

    protected abstract Task<int> RunAsync(TInput input, VerbContext context);

    // JasperFx's own executor only tells success from failure; the Host's entry point runs verbs through CliApp, which
    // keeps the exit code.
    public sealed override async Task<bool> Execute(TInput input) =>
        await CliApp.ExecuteAsync(this, input, Console.Out, Console.Error) == ExitCodes.Ok;
}
