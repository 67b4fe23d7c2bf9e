using JasperFx.CommandLine;
using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class TimelineInput
{
    [Description("the ticket or trouble ticket id")]
    public string Id { get; set; } = "";

    [Description("ticket or trouble-ticket, for an id both kinds use"), FlagAlias("kind", true)]
    public string? KindFlag { get; set; }
}

/// <summary>`timeline &lt;ticket-or-trouble-ticket-id&gt; [--kind ticket|trouble-ticket]`: the audit timeline.</summary>
[Description("The audit timeline of a ticket: who did what when")]
public sealed class TimelineCommand : VerbCommand<TimelineInput>
{
    public TimelineCommand() => Usage("The timeline of a ticket or trouble ticket, in New York time").Arguments(x => x.Id);

    protected override bool ReadsOnly(TimelineInput input) => true;

    public override IEnumerable<Type> JsonTypes => [typeof(TicketTimeline), typeof(TroubleTicketFile)];

    protected override async Task<int> RunAsync(TimelineInput input, VerbContext context)
    {
        var candidates = TicketLookup.Candidates(input.Id, input.KindFlag);
        await using var session = context.Store.QuerySession();
        var found = new List<object>();
        foreach (var stream in candidates)
        {
            var key = StreamKeys.For(stream);
            object? doc = stream.Kind == StreamKind.Ticket
                ? await session.LoadAsync<TicketTimeline>(key, context.Ct)
                : await session.LoadAsync<TroubleTicketFile>(key, context.Ct);
            if (doc is not null)
            {
                found.Add(doc);
            }
        }
        await context.Stdout.WriteLineAsync(Output.Json(TicketLookup.One(found, input.Id)));
        return ExitCodes.Ok;
    }
}
