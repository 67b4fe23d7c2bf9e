using Marten;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Reports;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`report &lt;availability|credits|mttr|credit-requests&gt; --from YYYY-MM --to YYYY-MM [--format csv|json]`.</summary>
public static class ReportVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, SpiiseeSettings settings, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var name = args.Positional0($"the report name ({string.Join(", ", ReportNames.All)})");
        if (!ReportNames.All.Contains(name))
        {
            throw new CliException(ExitCodes.Usage, $"unknown report '{name}'; reports: {string.Join(", ", ReportNames.All)}");
        }
        var from = StatementVerb.ParseMonth(args.Required("from"));
        var to = StatementVerb.ParseMonth(args.Required("to"));
        var format = args.Option("format") ?? "csv";
        if (format is not ("csv" or "json"))
        {
            throw new CliException(ExitCodes.Usage, "--format must be csv or json");
        }
        try
        {
            ReportService.Months(from, to);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
        await using var session = store.QuerySession();
        await ReportExport.WriteAsync(session, settings.Calendar, name, from, to, format, stdout, ct);
        return ExitCodes.Ok;
    }
}
