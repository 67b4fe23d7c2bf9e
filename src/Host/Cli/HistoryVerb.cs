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
        StreamRef[] candidates = args.Option("kind") switch
        {
            null => [StreamRef.Ticket(id), StreamRef.TroubleTicket(id)],
            "ticket" => [StreamRef.Ticket(id)],
            "trouble-ticket" => [StreamRef.TroubleTicket(id)],
            var k => throw new CliException(ExitCodes.Usage, $"--kind must be ticket or trouble-ticket, not {k}"),
        };

        await using var session = store.QuerySession();
        var found = new List<HistoryView>();
        foreach (var stream in candidates)
        {
            if (await HistoryView.LoadAsync(session, stream, asOf, version, ct) is { } view)
            {
                found.Add(view);
            }
        }
        return found.Count switch
        {
            0 => throw new CliException(ExitCodes.DataError, $"no ticket or trouble ticket '{id}'"),
            > 1 => throw new CliException(ExitCodes.Usage, $"'{id}' is both a ticket and a trouble ticket: add --kind ticket or --kind trouble-ticket"),
            _ => await Print(found[0]),
        };

        async Task<int> Print(HistoryView view)
        {
            await stdout.WriteLineAsync(Output.Json(view));
            return ExitCodes.Ok;
        }
    }
}
