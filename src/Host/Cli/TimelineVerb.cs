using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`timeline &lt;ticket-or-trouble-ticket-id&gt; [--kind ticket|trouble-ticket]`: the audit timeline.</summary>
public static class TimelineVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var id = args.Positional0("the ticket or trouble ticket id");
        await using var session = store.QuerySession();
        var found = new List<object>();
        foreach (var stream in args.TicketCandidates(id))
        {
            var key = StreamKeys.For(stream);
            object? doc = stream.Kind == StreamKind.Ticket
                ? await session.LoadAsync<TicketTimeline>(key, ct)
                : await session.LoadAsync<TroubleTicketFile>(key, ct);
            if (doc is not null)
            {
                found.Add(doc);
            }
        }
        await stdout.WriteLineAsync(Output.Json(CliArguments.OneTicket(found, id)));
        return ExitCodes.Ok;
    }
}
