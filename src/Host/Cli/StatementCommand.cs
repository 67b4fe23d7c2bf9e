using JasperFx.CommandLine;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class StatementInput
{
    [Description("the account id (required)"), FlagAlias("account", true)]
    public string? AccountFlag { get; set; }

    [Description("the month, YYYY-MM (required)"), FlagAlias("month", true)]
    public string? MonthFlag { get; set; }

    [Description("json (the default) or table"), FlagAlias("format", true)]
    public string? FormatFlag { get; set; }

    [Description("as it stood at this instant (with its offset)"), FlagAlias("as-of", true)]
    public string? AsOfFlag { get; set; }
}

/// <summary>`statement --account &lt;id&gt; --month &lt;YYYY-MM&gt; [--as-of &lt;instant&gt;] [--format json|table]` (R13).</summary>
[Description("An account's statement for a month (R13)")]
public sealed class StatementCommand : VerbCommand<StatementInput>
{
    public StatementCommand() => Usage("The statement of --account for --month").NoArguments();

    protected override bool ReadsOnly(StatementInput input) => true;

    public override IEnumerable<Type> JsonTypes => [.. StatementView.Documents, typeof(StatementView)];

    protected override async Task<int> RunAsync(StatementInput input, VerbContext context)
    {
        var accountId = OptionValues.Required(input.AccountFlag, "account");
        var month = OptionValues.Month(OptionValues.Required(input.MonthFlag, "month"));
        var format = input.FormatFlag ?? "json";
        if (format is not ("json" or "table"))
        {
            throw new CliException(ExitCodes.Usage, "--format must be json or table");
        }
        var asOf = OptionValues.Instant(input.AsOfFlag, "as-of");
        var (store, _, stdout, _, ct) = context;
        await using var session = store.QuerySession();
        var view = (asOf is { } cut
                ? await StatementView.LoadAsOfAsync(session, accountId, month, cut, ct)
                : await StatementView.LoadAsync(session, accountId, month, ct))
            ?? throw new CliException(ExitCodes.DataError, asOf is null ? $"unknown account '{accountId}'" : $"unknown account '{accountId}' as of {asOf}");
        await stdout.WriteLineAsync(format == "json" ? Output.Json(view) : StatementTable.Format(view));
        return ExitCodes.Ok;
    }
}
