using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R9: an approved credit request with overdue days extends the agreement by one calendar month.</summary>
public static class MaintenanceAgreement
{
    public static LocalDate ExtendByOneMonth(LocalDate end)
    {
        var isMonthEnd = end.Day == end.Calendar.GetDaysInMonth(end.Year, end.Month);
        if (isMonthEnd)
        {
            var next = end.ToYearMonth().PlusMonths(1);
            return next.OnDayOfMonth(next.Calendar.GetDaysInMonth(next.Year, next.Month));
        }
        // NodaTime's PlusMonths clamps to the last day of a shorter month (2026-01-31 is handled above; 2026-01-30 -> 2026-02-28).
        return end.PlusMonths(1);
    }

    public static bool Covers(LocalDate from, LocalDate to, LocalDate date) => from <= date && date <= to;
}
