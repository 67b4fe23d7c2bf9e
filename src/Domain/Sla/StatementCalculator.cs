using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R9, R10, R13: a month's statement computed from its inputs.</summary>
public static class StatementCalculator
{
    public static MonthlyStatement Compute(StatementInputs inputs, YearMonth month, HolidayCalendar calendar)
    {
        var monthInterval = PolicyTime.MonthInterval(month);
        var monthSeconds = WholeSeconds(monthInterval.Duration);
        var rate = inputs.Rates.RateFor(month);
        var windows = MaintenanceWindows.StandardWithin(monthInterval).Union(IntervalSet.Of(inputs.PrearrangedWindows).Clip(monthInterval));

        var tickets = inputs.ApprovedTickets
            .Where(t => Touches(t, monthInterval))
            .OrderBy(t => t.ApprovedAt).ThenBy(t => t.TroubleTicketId, StringComparer.Ordinal)
            .ToList();

        // Each ticket's part is computed once; the statement and its ledger accumulate them in approval order.
        var lines = new List<StatementTroubleTicket>(tickets.Count);
        var ledger = new List<LedgerLine>();
        var downtime = IntervalSet.Empty;
        long overdueDays = 0;
        var totals = Totals(0, 0, monthSeconds, rate);
        foreach (var t in tickets)
        {
            var (line, counted) = Line(t, month, monthInterval, windows, calendar);
            lines.Add(line);
            downtime = downtime.Union(counted);
            overdueDays += line.OverdueDays.Count;

            // R13: each approval that changes the statement adds a ledger line for the difference it made.
            var previous = totals.Total;
            totals = Totals(WholeSeconds(downtime.TotalDuration), overdueDays, monthSeconds, rate);
            if (totals.Total != previous)
            {
                ledger.Add(new LedgerLine(t.TroubleTicketId, t.RequestId, t.ApprovedAt, totals.Total - previous,
                    PolicyTime.MonthOf(t.ApprovedAt).PlusMonths(1)));
            }
        }

        return new MonthlyStatement(
            inputs.AccountId, month, inputs.Currency, rate,
            monthSeconds / 60, CreditMath.Minutes(totals.DowntimeSeconds), totals.DowntimeSeconds,
            CreditMath.AvailabilityPercent(totals.DowntimeSeconds, monthSeconds), totals.Below,
            totals.Increments, totals.AvailabilityCredit, totals.AvailabilityCapped,
            overdueDays, totals.MttrCredit, totals.MttrCapped, CreditMath.Cents(CreditMath.Cap(rate)),
            totals.Total, lines, ledger, downtime.Intervals, calendar.Identity);
    }

    private static bool Touches(ApprovedTroubleTicket t, Interval month)
    {
        var first = Instant.Min(t.OpenedAt, t.MttrAnchor);
        var last = Instant.Max(t.ClosedAt, t.ResolvedAt);
        return first < month.End && last >= month.Start;
    }

    private static (StatementTroubleTicket Line, IntervalSet Counted) Line(
        ApprovedTroubleTicket t, YearMonth month, Interval monthInterval, IntervalSet windows, HolidayCalendar calendar)
    {
        var counted = IntervalSet.Empty;
        var carved = IntervalSet.Empty;
        // R10: only outages are downtime; scheduled maintenance inside windows is carved out, the overrun counts.
        if (t.Kind == TroubleTicketKind.Outage)
        {
            var inMonth = IntervalSet.Of(t.OutageInterval).Clip(monthInterval);
            if (t.RootCause == RootCause.ScheduledMaintenance)
            {
                counted = inMonth.Subtract(windows);
                carved = inMonth.Subtract(counted);
            }
            else
            {
                counted = inMonth;
            }
        }
        // R9: each overdue day counts in the month it falls in.
        var days = Mttr.OverdueDaysIn(month, t.MttrAnchor, t.ResolvedAt, calendar);
        var hours = Mttr.BusinessHours(t.MttrAnchor, t.ResolvedAt, calendar);
        var line = new StatementTroubleTicket(
            t.TroubleTicketId, t.RequestId, t.Kind, t.RootCause, t.OpenedAt, t.ClosedAt, t.MttrAnchor,
            Mttr.TargetDay(t.MttrAnchor, calendar), t.ResolvedAt,
            CreditMath.Minutes(WholeSeconds(counted.TotalDuration)),
            counted.Intervals, carved.Intervals, days,
            (decimal)hours.BclCompatibleTicks / NodaConstants.TicksPerHour, Mttr.BusinessDays(hours),
            t.ApprovedAt);
        return (line, counted);
    }

    private sealed record MonthTotals(long DowntimeSeconds, bool Below, long Increments, decimal AvailabilityCredit, bool AvailabilityCapped,
        decimal MttrCredit, bool MttrCapped)
    {
        public decimal Total => AvailabilityCredit + MttrCredit;
    }

    /// <summary>R13: the two credits, each capped and rounded on its own; no combined cap.</summary>
    private static MonthTotals Totals(long downtimeSeconds, long overdueDays, long monthSeconds, decimal rate)
    {
        var below = CreditMath.BelowNinetyPercent(downtimeSeconds, monthSeconds);
        // R13: increments are only counted when availability is below 90%.
        var increments = below ? CreditMath.Increments(downtimeSeconds) : 0;
        var (availabilityCredit, availabilityCapped) = below ? CreditMath.AvailabilityCredit(increments, rate) : (CreditMath.Cents(0m), false);
        var (mttrCredit, mttrCapped) = CreditMath.MttrCredit(overdueDays, rate);
        return new MonthTotals(downtimeSeconds, below, increments, availabilityCredit, availabilityCapped, mttrCredit, mttrCapped);
    }

    private static long WholeSeconds(Duration d) => d.BclCompatibleTicks / NodaConstants.TicksPerSecond;
}
