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
        var kind = args.Option("kind");
        if (kind is not (null or "ticket" or "trouble-ticket"))
        {
            throw new CliException(ExitCodes.Usage, $"--kind must be ticket or trouble-ticket, not {kind}");
        }
        await using var session = store.QuerySession();
        object? ticket = kind is null or "ticket" ? await session.LoadAsync<TicketTimeline>(StreamKeys.For(StreamRef.Ticket(id)), ct) : null;
        object? trouble = kind is null or "trouble-ticket" ? await session.LoadAsync<TroubleTicketFile>(StreamKeys.For(StreamRef.TroubleTicket(id)), ct) : null;
        var found = (ticket, trouble) switch
        {
            (null, null) => throw new CliException(ExitCodes.DataError, $"no ticket or trouble ticket '{id}'"),
            (not null, not null) => throw new CliException(ExitCodes.Usage, $"'{id}' is both a ticket and a trouble ticket: add --kind"),
            _ => ticket ?? trouble!,
        };
        await stdout.WriteLineAsync(Output.Json(found));
        return ExitCodes.Ok;
    }
}
