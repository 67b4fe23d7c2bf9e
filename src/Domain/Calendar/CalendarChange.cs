using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Calendar;

public enum CalendarChangeKind
{
    Declared,
    Withdrawn,
}

/// <summary>
/// One recorded change of the calendar (R14). <see cref="Version"/> is the calendar stream's version once the change
/// is in, so a figure can name the calendar it was determined with.
/// </summary>
public sealed record CalendarChange(long Version, CalendarChangeKind Kind, LocalDate Date, string? Name, string? Reason, Instant At, Actor By)
{
    public static CalendarChange From(long version, object @event) => @event switch
    {
        HolidayDeclared d => new(version, CalendarChangeKind.Declared, d.Date, d.Name, d.Reason, d.At, d.By),
        HolidayWithdrawn w => new(version, CalendarChangeKind.Withdrawn, w.Date, null, w.Reason, w.At, w.By),
        _ => throw new ArgumentException($"not a calendar change: {@event.GetType().Name}", nameof(@event)),
    };
}
