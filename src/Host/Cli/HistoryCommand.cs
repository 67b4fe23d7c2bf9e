using JasperFx.CommandLine;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class HistoryInput
{
    [Description("the ticket or trouble ticket id")]
    public string Id { get; set; } = "";

    [Description("cut at this business instant (with its offset)"), FlagAlias("as-of", true)]
    public string? AsOfFlag { get; set; }

    [Description("cut at this stream version, from 1"), FlagAlias("version", true)]
    public string? VersionFlag { get; set; }

    [Description("ticket or trouble-ticket, for an id both kinds use"), FlagAlias("kind", true)]
    public string? KindFlag { get; set; }
}

/// <summary>
/// `history &lt;id&gt; [--as-of &lt;instant&gt;] [--version N] [--kind ticket|trouble-ticket]`. Ids are unique per
/// kind only, so an id used by both a ticket and a trouble ticket needs --kind.
/// </summary>
[Description("A ticket's events and the state each produced")]
public sealed class HistoryCommand : VerbCommand<HistoryInput>
{
    public HistoryCommand() => Usage("The history of a ticket or trouble ticket, whole or cut").Arguments(x => x.Id);

    protected override bool ReadsOnly(HistoryInput input) => true;

    public override IEnumerable<Type> JsonTypes => [typeof(HistoryView)];

    protected override async Task<int> RunAsync(HistoryInput input, VerbContext context)
    {
        var asOf = OptionValues.Instant(input.AsOfFlag, "as-of");
        long? version = null;
        if (input.VersionFlag is { } v)
        {
            version = InputRules.TryWhole(v, out var n) && n > 0
                ? n : throw new CliException(ExitCodes.Usage, "--version must be a whole number from 1");
        }
        var candidates = TicketLookup.Candidates(input.Id, input.KindFlag);
        await using var session = context.Store.QuerySession();
        var found = new List<HistoryView>();
        foreach (var stream in candidates)
        {
            if (await HistoryView.LoadAsync(session, stream, asOf, version, context.Ct) is { } view)
            {
                found.Add(view);
            }
        }
        await context.Stdout.WriteLineAsync(Output.Json(TicketLookup.One(found, input.Id)));
        return ExitCodes.Ok;
    }
}
