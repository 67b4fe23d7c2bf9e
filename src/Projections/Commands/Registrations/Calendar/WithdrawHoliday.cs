using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Calendar;

/// <summary>R14: a holiday, federal or declared, made a business day again; the date is in the route.</summary>
public sealed record WithdrawHolidayBody(string? Reason = null);

public sealed class WithdrawHolidayRegistration : CommandRegistration<WithdrawHoliday, WithdrawHolidayBody>
{
    public override CommandRoute Route { get; } = new("/calendar/holidays/{date}/withdrawal", "Calendar", "Withdraw a holiday (R14)");

    protected override WithdrawHoliday ReadCommand(JObject o) => new(Date(o, "date"), OptionalText(o, "reason"));

    protected override IEnumerable<StreamRef> Reads(WithdrawHoliday c) => [StreamRef.Calendar];

    protected override Decision Decide(WithdrawHoliday c, CommandContext ctx, StreamStates s) => CalendarDecider.Decide(s.Calendar, c, ctx);
}
