using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R5: the maintenance agreement's new end date (YYYY-MM-DD).</summary>
public sealed record RenewMaintenanceBody(string MaintenanceTo);

public sealed class RenewMaintenanceRegistration : CommandRegistration<RenewMaintenance, RenewMaintenanceBody>
{
    public override CommandRoute Route { get; } = new("/accounts/{accountId}/maintenance-renewals", "Accounts", "Renew the maintenance agreement (R5)");

    protected override RenewMaintenance ReadCommand(JObject o) => new(Id(o, "accountId"), Date(o, "maintenanceTo"));

    protected override IEnumerable<StreamRef> Reads(RenewMaintenance c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(RenewMaintenance c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
