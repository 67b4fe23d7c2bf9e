using JasperFx.CommandLine;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class WhatIfInput
{
    [Description("propose declaring this date (YYYY-MM-DD) a holiday"), FlagAlias("declare", true)]
    public string? DeclareFlag { get; set; }

    [Description("propose withdrawing this holiday (YYYY-MM-DD)"), FlagAlias("withdraw", true)]
    public string? WithdrawFlag { get; set; }

    [Description("the holiday's name (with --declare)"), FlagAlias("name", true)]
    public string? NameFlag { get; set; }

    [Description("why"), FlagAlias("reason", true)]
    public string? ReasonFlag { get; set; }
}

/// <summary>`what-if --declare DATE --name NAME | --withdraw DATE [--reason R]`: R14's what-if over the whole store, nothing written.</summary>
[Description("What a proposed holiday declaration or withdrawal would change, per account and month (R14); writes nothing", Name = "what-if")]
public sealed class WhatIfCommand : VerbCommand<WhatIfInput>
{
    public WhatIfCommand() => Usage("The differences a proposed calendar change would make").NoArguments();

    protected override bool ReadsOnly(WhatIfInput input) => true;

    public override IEnumerable<Type> JsonTypes => [.. StatementView.Documents, typeof(WhatIfView)];

    protected override async Task<int> RunAsync(WhatIfInput input, VerbContext context)
    {
        var proposal = (input.DeclareFlag, input.WithdrawFlag) switch
        {
            ({ } d, null) => new ProposedChange(CalendarChangeKind.Declared, Date(d, "declare"), Name(input.NameFlag), Text(input.ReasonFlag, "reason")),
            (null, { } w) => new ProposedChange(CalendarChangeKind.Withdrawn, Date(w, "withdraw"), null, Text(input.ReasonFlag, "reason")),
            _ => throw new CliException(ExitCodes.Usage, "give exactly one of --declare DATE (with --name) or --withdraw DATE"),
        };
        await using var session = context.Store.QuerySession();
        var view = await WhatIfView.RunAsync(new WhatIfService(session), proposal,
            new CommandContext(SystemClock.Instance.GetCurrentInstant(), Actor.System("cli")), context.Ct);
        await context.Stdout.WriteLineAsync(Output.Json(view));
        return view.Refused is { } reason
            ? throw new CliException(ExitCodes.DataError, $"the change would be refused: {reason}")
            : ExitCodes.Ok;
    }

    private static LocalDate Date(string text, string option)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || parsed.Value < InputRules.Earliest || parsed.Value > InputRules.Latest)
        {
            throw new CliException(ExitCodes.Usage, $"--{option} must be a date as YYYY-MM-DD from {InputRules.Earliest} to {InputRules.Latest}");
        }
        return parsed.Value;
    }

    private static string Name(string? text) =>
        string.IsNullOrWhiteSpace(text) ? throw new CliException(ExitCodes.Usage, "--declare needs --name") : Text(text, "name")!;

    private static string? Text(string? text, string option)
    {
        try
        {
            return text is null ? null : InputRules.Text(text, option, InputRules.MaxNameLength);
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, $"--{option}: {e.Message}");
        }
    }
}
