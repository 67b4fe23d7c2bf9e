using NodaTime;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>
/// R3: what operators may change about the default calendar. Dates are the days off as observed: an extra
/// holiday is a day off, a withdrawn one is a default (observed) holiday that becomes a business day again.
/// </summary>
public sealed record CalendarSettings(IReadOnlyCollection<LocalDate> ExtraHolidays, IReadOnlyCollection<LocalDate> WithdrawnHolidays)
{
    public static CalendarSettings Default { get; } = new([], []);
}
