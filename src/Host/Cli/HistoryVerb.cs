using System.Globalization;
using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// `history &lt;id&gt; [--as-of &lt;instant&gt;] [--version N] [--kind ticket|trouble-ticket]`. Ids are unique per
/// kind only, so an id used by both a ticket and a trouble ticket needs --kind.
/// </summary>
public static class HistoryVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var id = args.Positional0("the ticket or trouble ticket id");
        var asOf = args.Instant("as-of");
        long? version = null;
        if (args.Option("version") is { } v)
        {
            version = long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new CliException(ExitCodes.Usage, "--version must be a whole number from 1");
        }
        await using var session = store.QuerySession();
        var found = new List<HistoryView>();
        foreach (var stream in args.TicketCandidates(id))
        {
            if (await HistoryView.LoadAsync(session, stream, asOf, version, ct) is { } view)
            {
                found.Add(view);
            }
        }
        await stdout.WriteLineAsync(Output.Json(CliArguments.OneTicket(found, id)));
        return ExitCodes.Ok;
    }
}
