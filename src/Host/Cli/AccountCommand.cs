using JasperFx.CommandLine;
using NodaTime;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class AccountInput
{
    [Description("the account id")]
    public string Id { get; set; } = "";
}

/// <summary>`account &lt;id&gt;`.</summary>
[Description("An account's agreement, plan and contacts, as JSON")]
public sealed class AccountCommand : VerbCommand<AccountInput>
{
    public AccountCommand() => Usage("The account as it stands now").Arguments(x => x.Id);

    protected override bool ReadsOnly(AccountInput input) => true;

    public override IEnumerable<Type> JsonTypes => [typeof(AccountView)];

    protected override async Task<int> RunAsync(AccountInput input, VerbContext context)
    {
        await using var session = context.Store.QuerySession();
        var view = await AccountView.LoadAsync(session, input.Id, SystemClock.Instance.GetCurrentInstant(), context.Ct)
            ?? throw new CliException(ExitCodes.DataError, $"unknown account '{input.Id}'");
        await context.Stdout.WriteLineAsync(Output.Json(view));
        return ExitCodes.Ok;
    }
}
