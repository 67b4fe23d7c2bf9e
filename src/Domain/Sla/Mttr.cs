using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R9: MTTR anchor, target day, overdue business days and business-hours MTTR.</summary>
public static class Mttr
{
    /// <summary>R9: the first business day after the anchor's local date.</summary>
    public static LocalDate TargetDay(Instant anchor, HolidayCalendar calendar) =>
        calendar.NextBusinessDay(PolicyTime.LocalDateOf(anchor));

    /// <summary>
    /// The last date whose support hours ended (17:00 local) at or before the resolution: the resolution's own date
    /// when it came at or after 17:00, else the day before.
    /// </summary>
    public static LocalDate LastPassedDay(Instant resolvedAt)
    {
        var local = PolicyTime.LocalOf(resolvedAt);
        return local.TimeOfDay >= HolidayCalendar.SupportEnd ? local.Date : local.Date.PlusDays(-1);
    }

    /// <summary>R9: how many business days after T passed without resolution; arithmetic, any span.</summary>
    public static long OverdueDayCount(Instant anchor, Instant resolvedAt, HolidayCalendar calendar)
    {
        var target = TargetDay(anchor, calendar);
        var last = LastPassedDay(resolvedAt);
        return calendar.CountBusinessDays(target.PlusDays(1), last.PlusDays(1));
    }

    /// <summary>R9: the overdue days falling in one month, listed (a month holds at most 23).</summary>
    public static IReadOnlyList<LocalDate> OverdueDaysIn(YearMonth month, Instant anchor, Instant resolvedAt, HolidayCalendar calendar)
    {
        var from = TargetDay(anchor, calendar).PlusDays(1);
        var to = LastPassedDay(resolvedAt);
        var monthStart = month.OnDayOfMonth(1);
        var monthEnd = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        if (from < monthStart)
        {
            from = monthStart;
        }
        if (to > monthEnd)
        {
            to = monthEnd;
        }
        return from > to ? [] : calendar.BusinessDaysBetween(from, to).ToList();
    }

    /// <summary>R9, for analysts: support hours elapsed between anchor and resolution.</summary>
    public static Duration BusinessHours(Instant anchor, Instant resolvedAt, HolidayCalendar calendar) =>
        calendar.SupportHoursBetween(anchor, resolvedAt);

    /// <summary>R9: business-hours MTTR expressed in 8-hour business days.</summary>
    public static decimal BusinessDays(Duration businessHours) =>
        (decimal)businessHours.BclCompatibleTicks / HolidayCalendar.SupportDayLength.BclCompatibleTicks;

    /// <summary>R9: the anchor is the first assignment made before resolution, else the opening instant.</summary>
    public static Instant Anchor(Instant opened, Instant? firstAssignmentBeforeResolution) =>
        firstAssignmentBeforeResolution ?? opened;
}
