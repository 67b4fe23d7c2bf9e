using NodaTime;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>
/// R3/R14: how a calendar differs from the federal default. Dates are the days off as observed: an extra holiday is a
/// day off, a withdrawn one is a default (observed) holiday that becomes a business day again. <see cref="Version"/>
/// is the calendar stream's version these come from (0: the default).
/// </summary>
public sealed record CalendarSettings(IReadOnlyCollection<LocalDate> ExtraHolidays, IReadOnlyCollection<LocalDate> WithdrawnHolidays, long Version = 0)
{
    public static CalendarSettings Default { get; } = new([], []);
}
