using JasperFx.CommandLine;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Reports;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class ReportInput
{
    [Description($"the report name ({ReportNames.Availability}, {ReportNames.Credits}, {ReportNames.Mttr}, {ReportNames.CreditRequests})")]
    public string Report { get; set; } = "";

    [Description("the first month, YYYY-MM (required)"), FlagAlias("from", true)]
    public string? FromFlag { get; set; }

    [Description("the last month, YYYY-MM (required)"), FlagAlias("to", true)]
    public string? ToFlag { get; set; }

    [Description("csv (the default) or json"), FlagAlias("format", true)]
    public string? FormatFlag { get; set; }
}

/// <summary>`report &lt;availability|credits|mttr|credit-requests&gt; --from YYYY-MM --to YYYY-MM [--format csv|json]`.</summary>
[Description("Analyst reports across accounts, as CSV or JSON")]
public sealed class ReportCommand : VerbCommand<ReportInput>
{
    public ReportCommand() => Usage("A report over the months --from to --to, every account").Arguments(x => x.Report);

    protected override bool ReadsOnly(ReportInput input) => true;

    public override IEnumerable<Type> JsonTypes => [.. StatementView.Documents];

    protected override async Task<int> RunAsync(ReportInput input, VerbContext context)
    {
        var name = input.Report;
        if (!ReportNames.All.Contains(name))
        {
            throw new CliException(ExitCodes.Usage, $"unknown report '{name}'; reports: {string.Join(", ", ReportNames.All)}");
        }
        var from = OptionValues.Month(OptionValues.Required(input.FromFlag, "from"));
        var to = OptionValues.Month(OptionValues.Required(input.ToFlag, "to"));
        var format = input.FormatFlag ?? "csv";
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
        await using var session = context.Store.QuerySession();
        await ReportExport.WriteAsync(session, name, from, to, format, context.Stdout, context.Ct);
        return ExitCodes.Ok;
    }
}
