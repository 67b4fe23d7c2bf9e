using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R5: the rate from an effective month (YYYY-MM) on, earlier months included when recorded late.</summary>
public sealed record ChangeMonthlyRateBody([property: JsonNumberHandling(JsonNumberHandling.Strict)] decimal MonthlyRate, string EffectiveMonth);

public sealed class ChangeMonthlyRateRegistration : CommandRegistration<ChangeMonthlyRate, ChangeMonthlyRateBody>
{
    public override CommandRoute Route { get; } = new("/accounts/{accountId}/rates", "Accounts", "Change the monthly rate from an effective month (R5)");

    protected override ChangeMonthlyRate ReadCommand(JObject o) => new(Id(o, "accountId"), Money(o, "monthlyRate"), Month(o, "effectiveMonth"));

    protected override IEnumerable<StreamRef> Reads(ChangeMonthlyRate c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(ChangeMonthlyRate c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
