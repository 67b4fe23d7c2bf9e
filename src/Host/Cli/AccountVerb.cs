using Marten;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`account &lt;id&gt;`.</summary>
public static class AccountVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var id = args.Positional0("the account id");
        await using var session = store.QuerySession();
        var view = await AccountView.LoadAsync(session, id, CliApp.Now, ct) ?? throw new CliException(ExitCodes.DataError, $"unknown account '{id}'");
        await stdout.WriteLineAsync(Output.Json(view));
        return ExitCodes.Ok;
    }
}
