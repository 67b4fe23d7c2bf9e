using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R4: a prearranged window [from, to), instants with an offset (R1).</summary>
public sealed record ScheduleMaintenanceWindowBody(string From, string To);

public sealed class ScheduleMaintenanceWindowRegistration : CommandRegistration<ScheduleMaintenanceWindow, ScheduleMaintenanceWindowBody>
{
    public override CommandRoute Route { get; } = new("/accounts/{accountId}/maintenance-windows", "Accounts", "Schedule a prearranged maintenance window (R4)");

    protected override ScheduleMaintenanceWindow ReadCommand(JObject o) => new(Id(o, "accountId"), Instant(o, "from"), Instant(o, "to"));

    protected override IEnumerable<StreamRef> Reads(ScheduleMaintenanceWindow c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(ScheduleMaintenanceWindow c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
