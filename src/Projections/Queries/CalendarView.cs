using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>A holiday in force and where it comes from: R3's federal rule, or who declared it, when and why (R14).</summary>
public sealed record HolidayView(LocalDate Date, string Name, HolidayOrigin Origin, Domain.Decisions.Actor? DeclaredBy, Instant? DeclaredAt, string? Reason, long? CalendarVersion);

/// <summary><c>GET /calendar?year=</c> and <c>calendar --year</c>: the holidays in force in a year under the calendar as recorded.</summary>
public sealed record CalendarYearView(int Year, long CalendarVersion, string Calendar, IReadOnlyList<HolidayView> Holidays)
{
    public static CalendarYearView Of(int year, CalendarHistory history) => new(year, history.Version, history.Current.Identity,
        HolidayInForce.In(year, history)
            .Select(h => new HolidayView(h.Date, h.Name, h.Origin, h.DeclaredBy?.By, h.DeclaredBy?.At, h.DeclaredBy?.Reason, h.DeclaredBy?.Version))
            .ToList());
}

/// <summary><c>GET /calendar/history</c>: every recorded change, oldest first; the version is the calendar stream's.</summary>
public sealed record CalendarHistoryView(long CalendarVersion, IReadOnlyList<CalendarChange> Changes)
{
    public static CalendarHistoryView Of(CalendarHistory history) => new(history.Version, history.Changes);
}
