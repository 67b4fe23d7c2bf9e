using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R9, R10, R13: a month's statement computed from its inputs.</summary>
public static class StatementCalculator
{
    public static MonthlyStatement Compute(StatementInputs inputs, YearMonth month, HolidayCalendar calendar)
    {
        var ordered = inputs.ApprovedTickets
            .Where(t => t.MonthsTouched().Contains(month))
            .OrderBy(t => t.ApprovedAt).ThenBy(t => t.TroubleTicketId, StringComparer.Ordinal)
            .ToList();

        var statement = Figures(inputs, month, calendar, ordered);

        // R13: each approval that changes the statement adds a ledger line for the difference it made.
        var ledger = new List<LedgerLine>();
        var previousTotal = 0m;
        for (var i = 0; i < ordered.Count; i++)
        {
            var total = i == ordered.Count - 1 ? statement.TotalCredit : Figures(inputs, month, calendar, ordered.Take(i + 1).ToList()).TotalCredit;
            var delta = total - previousTotal;
            if (delta != 0m)
            {
                var approval = ordered[i];
                ledger.Add(new LedgerLine(approval.TroubleTicketId, approval.RequestId, approval.ApprovedAt, delta,
                    PolicyTime.MonthOf(approval.ApprovedAt).PlusMonths(1)));
            }
            previousTotal = total;
        }
        return statement with { Ledger = ledger };
    }

    private static MonthlyStatement Figures(StatementInputs inputs, YearMonth month, HolidayCalendar calendar, IReadOnlyList<ApprovedTroubleTicket> tickets)
    {
        var monthInterval = PolicyTime.MonthInterval(month);
        var monthSeconds = WholeSeconds(monthInterval.Duration);
        var rate = inputs.Rates.RateFor(month);

        var prearranged = IntervalSet.Of(inputs.PrearrangedWindows).Clip(monthInterval);
        var windows = MaintenanceWindows.StandardWithin(monthInterval).Union(prearranged);

        var lines = new List<StatementTroubleTicket>(tickets.Count);
        var downtime = IntervalSet.Empty;
        long overdueDays = 0;
        foreach (var t in tickets)
        {
            var counted = IntervalSet.Empty;
            var carved = IntervalSet.Empty;
            // R10: only outages are downtime; R10: scheduled maintenance inside windows is carved out, overruns count.
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
            downtime = downtime.Union(counted);

            // R9: each overdue day counts in the month it falls in.
            var days = Mttr.OverdueDaysIn(month, t.MttrAnchor, t.ResolvedAt, calendar);
            overdueDays += days.Count;

            var hours = Mttr.BusinessHours(t.MttrAnchor, t.ResolvedAt, calendar);
            lines.Add(new StatementTroubleTicket(
                t.TroubleTicketId, t.RequestId, t.Kind, t.RootCause, t.OpenedAt, t.ClosedAt, t.MttrAnchor,
                Mttr.TargetDay(t.MttrAnchor, calendar), t.ResolvedAt,
                CreditMath.Minutes(WholeSeconds(counted.TotalDuration)),
                counted.Intervals, carved.Intervals, days,
                (decimal)hours.BclCompatibleTicks / NodaConstants.TicksPerHour, Mttr.BusinessDays(hours),
                t.ApprovedAt));
        }

        var downtimeSeconds = WholeSeconds(downtime.TotalDuration);
        var below = CreditMath.BelowNinetyPercent(downtimeSeconds, monthSeconds);
        // R13: increments are only counted when availability is below 90%.
        var increments = below ? CreditMath.Increments(downtimeSeconds) : 0;
        var (availabilityCredit, availabilityCapped) = below ? CreditMath.AvailabilityCredit(increments, rate) : (CreditMath.Cents(0m), false);
        var (mttrCredit, mttrCapped) = CreditMath.MttrCredit(overdueDays, rate);

        return new MonthlyStatement(
            inputs.AccountId, month, inputs.Currency, rate,
            monthSeconds / 60, CreditMath.Minutes(downtimeSeconds), downtimeSeconds,
            CreditMath.AvailabilityPercent(downtimeSeconds, monthSeconds), below,
            increments, availabilityCredit, availabilityCapped,
            overdueDays, mttrCredit, mttrCapped, CreditMath.Cents(CreditMath.Cap(rate)),
            availabilityCredit + mttrCredit,
            lines, [], downtime.Intervals, calendar.Identity);
    }

    private static long WholeSeconds(Duration d) => d.BclCompatibleTicks / NodaConstants.TicksPerSecond;
}
