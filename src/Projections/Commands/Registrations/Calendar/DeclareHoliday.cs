using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Calendar;

/// <summary>R14: a weekday (YYYY-MM-DD) declared a holiday, with its name and why.</summary>
public sealed record DeclareHolidayBody(string Date, string Name, string? Reason = null);

public sealed class DeclareHolidayRegistration : CommandRegistration<DeclareHoliday, DeclareHolidayBody>
{
    public override CommandRoute Route { get; } = new("/calendar/holidays", "Calendar", "Declare a holiday (R14)");

    protected override DeclareHoliday ReadCommand(JObject o) =>
        new(Date(o, "date"), Name(o, "name"), OptionalText(o, "reason"));

    protected override IEnumerable<StreamRef> Reads(DeclareHoliday c) => [StreamRef.Calendar];

    protected override Decision Decide(DeclareHoliday c, CommandContext ctx, StreamStates s) => CalendarDecider.Decide(s.Calendar, c, ctx);
}
