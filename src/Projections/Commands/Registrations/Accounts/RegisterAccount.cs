using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R5: a new account with its plan, rate and maintenance agreement.</summary>
public sealed record RegisterAccountBody(
    string AccountId, Plan Plan, [property: JsonNumberHandling(JsonNumberHandling.Strict)] decimal MonthlyRate, string Currency, string MaintenanceFrom,
    string MaintenanceTo, string? Name = null);

public sealed class RegisterAccountRegistration : CommandRegistration<RegisterAccount, RegisterAccountBody>
{
    public override CommandRoute Route { get; } = new("/accounts", "Accounts", "Register an account (R5)");

    protected override RegisterAccount ReadCommand(JObject o) => new(Id(o, "accountId"), OptionalName(o, "name"), Enum<Plan>(o, "plan"),
        Money(o, "monthlyRate"), Token(o, "currency"), Date(o, "maintenanceFrom"), Date(o, "maintenanceTo"));

    protected override IEnumerable<StreamRef> Reads(RegisterAccount c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(RegisterAccount c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
