using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R9, R10, R13, R14: a month's statement computed from its inputs and the calendar as recorded.</summary>
public static class StatementCalculator
{
    /// <summary>
    /// R13/R14: the month's current figures use every recorded calendar change; its ledger replays the approvals and
    /// the calendar changes in the order they were recorded, so each credit is what its approval issued with the calendar
    /// of that instant, and each later change that alters the total adds a correction instead of rewriting a credit.
    /// </summary>
    public static MonthlyStatement Compute(StatementInputs inputs, YearMonth month, CalendarHistory history) =>
        Compute(inputs, month, history.Current, history.At, history.AtVersion, history.Changes);

    /// <summary>A statement under one calendar that never changed (R3's default, or a fixed one in tests and benchmarks).</summary>
    public static MonthlyStatement Compute(StatementInputs inputs, YearMonth month, HolidayCalendar calendar) =>
        Compute(inputs, month, calendar, _ => calendar, _ => calendar, []);

    private static MonthlyStatement Compute(StatementInputs inputs, YearMonth month, HolidayCalendar current,
        Func<Instant, HolidayCalendar> calendarAt, Func<long, HolidayCalendar> calendarOfVersion, IReadOnlyList<CalendarChange> changes)
    {
        var month0 = new MonthContext(month, inputs);
        var tickets = inputs.ApprovedTickets
            .Where(t => Touches(t, month0.Interval))
            .OrderBy(t => t.ApprovedAt).ThenBy(t => t.TroubleTicketId, StringComparer.Ordinal)
            .Select(t => new Part(t, Counted(t, month0)))
            .ToList();

        var lines = new List<StatementTroubleTicket>(tickets.Count);
        var union = new IntervalUnion();
        long overdueDays = 0;
        foreach (var part in tickets)
        {
            var line = Line(part, month0, current);
            part.Remember(current, line.OverdueDays.Count);
            lines.Add(line);
            union.Add(part.Counted);
            overdueDays += line.OverdueDays.Count;
        }
        var downtime = union.ToSet();
        var totals = Totals(WholeSeconds(downtime.TotalDuration), overdueDays, month0, month0.Rate);
        var (ledger, issued) = Ledger(tickets, month0, inputs.Rates, inputs.PrearrangedWindows, calendarAt, calendarOfVersion, Relevant(changes, tickets), totals, current);

        return new MonthlyStatement(
            inputs.AccountId, month, inputs.Currency, month0.Rate,
            month0.Seconds / 60, CreditMath.Minutes(totals.DowntimeSeconds), totals.DowntimeSeconds,
            CreditMath.AvailabilityPercent(totals.DowntimeSeconds, month0.Seconds), totals.Below,
            totals.Increments, totals.AvailabilityCredit, totals.AvailabilityCapped,
            overdueDays, totals.MttrCredit, totals.MttrCapped, CreditMath.Cents(CreditMath.Cap(month0.Rate)),
            totals.Total, lines, ledger, downtime.Intervals, current.Identity, current.Version, issued);
    }

    /// <summary>
    /// R13: each approval that changes the total adds a credit for the difference, determined with the calendar recorded
    /// at its instant. R14: each calendar change recorded after the month was first issued that changes the total adds a
    /// correction. A change recorded at the same instant as an approval counts as known to it.
    /// </summary>
    private static (List<LedgerLine> Ledger, IssuedFigures? Issued) Ledger(List<Part> tickets, MonthContext month, RateSchedule rates,
        IReadOnlyList<PrearrangedWindow> windows, Func<Instant, HolidayCalendar> calendarAt, Func<long, HolidayCalendar> calendarOfVersion, List<CalendarChange> changes,
        MonthTotals current, HolidayCalendar currentCalendar)
    {
        // Recorded order: by instant, a change before an approval of the same instant, then as stored. Rate changes are
        // dated like calendar changes: an approval issues its credit at the rate known then (R5, R13).
        var rateChanges = tickets.Count == 0 ? [] : rates.Changes.Where(c => c.EffectiveMonth <= month.Month).ToList();
        // Windows too: an approval counts the prearranged windows recorded by then (R4, R10).
        var windowChanges = tickets.Count == 0 || !tickets.Any(p => p.Ticket.RootCause == RootCause.ScheduledMaintenance)
            ? [] : windows.Where(w => w.Interval.End > month.Interval.Start && w.Interval.Start < month.Interval.End).ToList();
        var steps = new List<(Instant At, int Rank, long Index, Part? Part, CalendarChange? Change, RateChange? Rate, PrearrangedWindow? Window)>(
            tickets.Count + changes.Count + rateChanges.Count + windowChanges.Count);
        steps.AddRange(tickets.Select((p, i) => (p.Ticket.ApprovedAt, 1, (long)i, (Part?)p, (CalendarChange?)null, (RateChange?)null, (PrearrangedWindow?)null)));
        steps.AddRange(changes.Select(c => (c.At, 0, c.Version, (Part?)null, (CalendarChange?)c, (RateChange?)null, (PrearrangedWindow?)null)));
        steps.AddRange(rateChanges.Select((c, i) => (c.RecordedAt, 0, long.MaxValue / 2 + i, (Part?)null, (CalendarChange?)null, (RateChange?)c, (PrearrangedWindow?)null)));
        steps.AddRange(windowChanges.Select((w, i) => (w.RecordedAt, 0, long.MaxValue / 2 + rateChanges.Count + i, (Part?)null, (CalendarChange?)null, (RateChange?)null, (PrearrangedWindow?)w)));
        steps.Sort(static (x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Rank != y.Rank ? x.Rank.CompareTo(y.Rank) : x.Index.CompareTo(y.Index));

        var ledger = new List<LedgerLine>();
        var included = new List<Part>();
        var downtime = new IntervalUnion();
        // Windows known so far; while every window of the month is known, a ticket's counted part is its line's.
        var windowsSeen = 0;
        var allWindowsKnown = windowChanges.Count == 0;
        IntervalSet? knownWindows = null;
        HolidayCalendar? calendar = null;
        long overdue = 0;
        var issuedTotal = 0m;
        (Instant At, MonthTotals Totals, HolidayCalendar Calendar)? lastIssue = null;
        var changedSinceIssue = new List<CalendarChange>();
        foreach (var step in steps)
        {
            if (step.Part is { } part)
            {
                var at = calendarAt(step.At);
                if (calendar is null || at.Version != calendar.Version)
                {
                    calendar = at;
                    overdue = included.Sum(p => Overdue(p, month, at));
                }
                included.Add(part);
                knownWindows ??= MonthContext.WindowsKnownAt(month.Month, windows, step.At);
                downtime.Add(allWindowsKnown ? part.Counted : Counted(part.Ticket, month, knownWindows));
                overdue += Overdue(part, month, calendar);
                var totals = Totals(WholeSeconds(downtime.TotalDuration), overdue, month, rates.KnownAt(step.At).RateFor(month.Month));
                if (totals.Total != issuedTotal)
                {
                    ledger.Add(LedgerLine.Credit(part.Ticket.TroubleTicketId, part.Ticket.RequestId, part.Ticket.ApprovedAt, totals.Total - issuedTotal));
                    issuedTotal = totals.Total;
                    lastIssue = (step.At, totals, calendar);
                    changedSinceIssue.Clear();
                }
            }
            else if (included.Count > 0 && step.Change is { } change)
            {
                var after = calendarOfVersion(change.Version);
                calendar = after;
                overdue = included.Sum(p => Overdue(p, month, after));
                var totals = Totals(WholeSeconds(downtime.TotalDuration), overdue, month, rates.KnownAt(step.At).RateFor(month.Month));
                changedSinceIssue.Add(change);
                if (totals.Total != issuedTotal)
                {
                    ledger.Add(LedgerLine.Correction(change, totals.Total - issuedTotal));
                    issuedTotal = totals.Total;
                }
            }
            else if (step.Window is { } window)
            {
                windowsSeen++;
                allWindowsKnown = windowsSeen == windowChanges.Count;
                knownWindows = MonthContext.WindowsKnownAt(month.Month, windows, step.At);
                if (included.Count == 0)
                {
                    continue;
                }
                downtime = new IntervalUnion();
                foreach (var p in included)
                {
                    downtime.Add(allWindowsKnown ? p.Counted : Counted(p.Ticket, month, knownWindows));
                }
                var totals = Totals(WholeSeconds(downtime.TotalDuration), overdue, month, rates.KnownAt(step.At).RateFor(month.Month));
                if (totals.Total != issuedTotal)
                {
                    ledger.Add(LedgerLine.Correction(window, totals.Total - issuedTotal));
                    issuedTotal = totals.Total;
                }
            }
            else if (included.Count > 0 && step.Rate is { } rateChange)
            {
                var totals = Totals(WholeSeconds(downtime.TotalDuration), overdue, month, rates.KnownAt(step.At).RateFor(month.Month));
                if (totals.Total != issuedTotal)
                {
                    ledger.Add(LedgerLine.Correction(rateChange, totals.Total - issuedTotal));
                    issuedTotal = totals.Total;
                }
            }
        }

        IssuedFigures? issued = null;
        if (lastIssue is { } last && (last.Totals != current || changedSinceIssue.Count > 0 && last.Calendar.Version != currentCalendar.Version
                && OverdueDiffer(tickets, month, last.Calendar, currentCalendar)))
        {
            var t = last.Totals;
            issued = new IssuedFigures(last.At, last.Calendar.Version, last.Calendar.Identity, CreditMath.Minutes(t.DowntimeSeconds),
                CreditMath.AvailabilityPercent(t.DowntimeSeconds, month.Seconds), t.Increments, t.AvailabilityCredit, t.OverdueDays,
                t.MttrCredit, t.Total, changedSinceIssue.ToList());
        }
        return (ledger, issued);
    }

    private static bool OverdueDiffer(List<Part> tickets, MonthContext month, HolidayCalendar a, HolidayCalendar b) =>
        tickets.Any(p => !Mttr.OverdueDaysIn(month.Month, p.Ticket.MttrAnchor, p.Ticket.ResolvedAt, a)
            .SequenceEqual(Mttr.OverdueDaysIn(month.Month, p.Ticket.MttrAnchor, p.Ticket.ResolvedAt, b)));

    /// <summary>
    /// Only the overdue days (R9) depend on the calendar, and only through dates from the MTTR anchor's local date to the
    /// day after the last passed day: changes to other dates cannot alter this month's figures and are not replayed.
    /// </summary>
    private static List<CalendarChange> Relevant(IReadOnlyList<CalendarChange> changes, List<Part> tickets) =>
        changes.Count == 0 || tickets.Count == 0
            ? []
            : changes.Where(c => tickets.Any(p =>
                c.Date >= PolicyTime.LocalDateOf(p.Ticket.MttrAnchor) && c.Date <= Mttr.LastPassedDay(p.Ticket.ResolvedAt).PlusDays(1))).ToList();

    /// <summary>A ticket's overdue days in the month under a calendar; under the current one, as its line counted them.</summary>
    private static long Overdue(Part part, MonthContext month, HolidayCalendar calendar) =>
        part.OverdueUnder(calendar) ?? Mttr.OverdueDaysIn(month.Month, part.Ticket.MttrAnchor, part.Ticket.ResolvedAt, calendar).Count;

    private static bool Touches(ApprovedTroubleTicket t, Interval month)
    {
        var first = Instant.Min(t.OpenedAt, t.MttrAnchor);
        var last = Instant.Max(t.ClosedAt, t.ResolvedAt);
        return first < month.End && last >= month.Start;
    }

    /// <summary>R10: only outages are downtime; scheduled maintenance inside windows is carved out, the overrun counts.</summary>
    private static IntervalSet Counted(ApprovedTroubleTicket t, MonthContext month) => Counted(t, month, month.Windows);

    private static IntervalSet Counted(ApprovedTroubleTicket t, MonthContext month, IntervalSet windows)
    {
        if (t.Kind != TroubleTicketKind.Outage)
        {
            return IntervalSet.Empty;
        }
        var inMonth = IntervalSet.Of(t.OutageInterval).Clip(month.Interval);
        return t.RootCause == RootCause.ScheduledMaintenance ? inMonth.Subtract(windows) : inMonth;
    }

    private static StatementTroubleTicket Line(Part part, MonthContext month, HolidayCalendar calendar)
    {
        var t = part.Ticket;
        var carved = t.Kind == TroubleTicketKind.Outage
            ? IntervalSet.Of(t.OutageInterval).Clip(month.Interval).Subtract(part.Counted)
            : IntervalSet.Empty;
        // R9: each overdue day counts in the month it falls in.
        var days = Mttr.OverdueDaysIn(month.Month, t.MttrAnchor, t.ResolvedAt, calendar);
        var hours = Mttr.BusinessHours(t.MttrAnchor, t.ResolvedAt, calendar);
        return new StatementTroubleTicket(
            t.TroubleTicketId, t.RequestId, t.Kind, t.RootCause, t.OpenedAt, t.ClosedAt, t.MttrAnchor,
            Mttr.TargetDay(t.MttrAnchor, calendar), t.ResolvedAt,
            CreditMath.Minutes(WholeSeconds(part.Counted.TotalDuration)),
            part.Counted.Intervals, carved.Intervals, days,
            (decimal)hours.BclCompatibleTicks / NodaConstants.TicksPerHour, Mttr.BusinessDays(hours),
            t.ApprovedAt);
    }

    /// <summary>One approved ticket's part in the month, and its overdue count under the current calendar once its line has it.</summary>
    private sealed class Part(ApprovedTroubleTicket ticket, IntervalSet counted)
    {
        private HolidayCalendar? _calendar;
        private long _overdue;

        public ApprovedTroubleTicket Ticket { get; } = ticket;

        public IntervalSet Counted { get; } = counted;

        public void Remember(HolidayCalendar calendar, long overdue) => (_calendar, _overdue) = (calendar, overdue);

        // Versions name one calendar within one history; with no history there is one calendar, at one version.
        public long? OverdueUnder(HolidayCalendar calendar) => _calendar?.Version == calendar.Version ? _overdue : null;
    }

    private sealed class MonthContext(YearMonth month, StatementInputs inputs)
    {
        public YearMonth Month { get; } = month;
        public Interval Interval { get; } = PolicyTime.MonthInterval(month);
        public long Seconds => WholeSeconds(Interval.Duration);
        public decimal Rate { get; } = inputs.Rates.RateFor(month);
        public IntervalSet Windows { get; } = WindowsKnownAt(month, inputs.PrearrangedWindows, Instant.MaxValue);

        /// <summary>The standard windows and the prearranged ones recorded at or before an instant, within the month (R4).</summary>
        public static IntervalSet WindowsKnownAt(YearMonth month, IReadOnlyList<PrearrangedWindow> windows, Instant at) =>
            MaintenanceWindows.StandardWithin(PolicyTime.MonthInterval(month))
                .Union(IntervalSet.Of(windows.Where(w => w.RecordedAt <= at).Select(w => w.Interval)).Clip(PolicyTime.MonthInterval(month)));
    }

    private sealed record MonthTotals(long DowntimeSeconds, long OverdueDays, bool Below, long Increments, decimal AvailabilityCredit,
        bool AvailabilityCapped, decimal MttrCredit, bool MttrCapped)
    {
        public decimal Total => AvailabilityCredit + MttrCredit;
    }

    /// <summary>R13: the two credits, each capped and rounded on its own; no combined cap.</summary>
    private static MonthTotals Totals(long downtimeSeconds, long overdueDays, MonthContext month, decimal rate)
    {
        var below = CreditMath.BelowNinetyPercent(downtimeSeconds, month.Seconds);
        // R13: increments are only counted when availability is below 90%.
        var increments = below ? CreditMath.Increments(downtimeSeconds) : 0;
        var (availabilityCredit, availabilityCapped) = below ? CreditMath.AvailabilityCredit(increments, rate) : (CreditMath.Cents(0m), false);
        var (mttrCredit, mttrCapped) = CreditMath.MttrCredit(overdueDays, rate);
        return new MonthTotals(downtimeSeconds, overdueDays, below, increments, availabilityCredit, availabilityCapped, mttrCredit, mttrCapped);
    }

    private static long WholeSeconds(Duration d) => d.BclCompatibleTicks / NodaConstants.TicksPerSecond;
}
