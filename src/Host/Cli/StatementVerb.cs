using Marten;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`statement --account &lt;id&gt; --month &lt;YYYY-MM&gt; [--as-of &lt;instant&gt;] [--format json|table]` (R13).</summary>
public static class StatementVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, SpiiseeSettings settings, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var accountId = args.Required("account");
        var month = ParseMonth(args.Required("month"));
        var format = args.Option("format") ?? "json";
        if (format is not ("json" or "table"))
        {
            throw new CliException(ExitCodes.Usage, "--format must be json or table");
        }
        var asOf = args.Instant("as-of");
        await using var session = store.QuerySession();
        var view = (asOf is { } cut
                ? await StatementView.LoadAsOfAsync(session, accountId, month, cut, settings.Calendar, ct)
                : await StatementView.LoadAsync(session, accountId, month, settings.Calendar, ct))
            ?? throw new CliException(ExitCodes.DataError, asOf is null ? $"unknown account '{accountId}'" : $"unknown account '{accountId}' as of {asOf}");
        await stdout.WriteLineAsync(format == "json" ? Output.Json(view) : StatementTable.Format(view));
        return ExitCodes.Ok;
    }

    public static NodaTime.YearMonth ParseMonth(string text)
    {
        try
        {
            return CommandReader.ParseMonth(text, "month");
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
    }
}
