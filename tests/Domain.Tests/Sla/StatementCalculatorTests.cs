using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Sla;

public class StatementCalculatorTests
{
    private static ApprovedTroubleTicket Ticket(string id, string opened, string closed, string? anchor = null, string? resolved = null,
        string approved = "2026-12-01T10:00:00-05:00", RootCause cause = RootCause.PlatformDefect, TroubleTicketKind kind = TroubleTicketKind.Outage) =>
        new(id, id + "/request-1", kind, cause, I(opened), I(closed), I(anchor ?? opened), I(resolved ?? closed), I(approved));

    private static StatementInputs Inputs(decimal rate, params ApprovedTroubleTicket[] tickets) =>
        new("acme", "USD", new RateSchedule(rate, []), [], tickets);

    private static MonthlyStatement Compute(StatementInputs inputs, string month) =>
        StatementCalculator.Compute(inputs, M(month), HolidayCalendar.Default);

    [Fact] // The worked example of docs/policy.md, to the cent.
    public void Worked_example()
    {
        var tt100 = Ticket("TT-100", "2026-03-02T16:30:00-05:00", "2026-03-09T12:00:00-04:00",
            anchor: "2026-03-03T10:00:00-05:00", resolved: "2026-03-09T11:00:00-04:00", approved: "2026-03-10T09:30:00-04:00");
        var s = Compute(Inputs(2200.00m, tt100), "2026-03");

        s.MinutesInMonth.ShouldBe(44580);
        s.DowntimeMinutes.ShouldBe(9750.00m);
        s.AvailabilityPercent.ShouldBe(78.1292m);
        s.AvailabilityIncrements.ShouldBe(20);
        s.AvailabilityCredit.ShouldBe(1100.00m);
        s.AvailabilityCreditCapped.ShouldBeTrue();
        s.OverdueBusinessDays.ShouldBe(2);
        s.MttrCredit.ShouldBe(200.00m);
        s.TotalCredit.ShouldBe(1300.00m);
        s.TroubleTickets.Single().OverdueDays.ShouldBe([D("2026-03-05"), D("2026-03-06")]);
        s.TroubleTickets.Single().TargetDay.ShouldBe(D("2026-03-04"));
        s.Ledger.ShouldBe([new LedgerLine(LedgerLineKind.Credit, "TT-100", "TT-100/request-1", I("2026-03-10T09:30:00-04:00"), 1300.00m, M("2026-04"), null)]);
        s.Calendar.ShouldBe(HolidayCalendar.Default.Identity);
    }

    [Theory] // R13 in April 2026 (720 h, 90% = 72 h of downtime), rate 3,000: 79h59m, 80h, 80h01m, and exactly 72h.
    [InlineData("2026-04-04T07:59:00-04:00", 9, 900.00)]
    [InlineData("2026-04-04T08:00:00-04:00", 10, 1000.00)]
    [InlineData("2026-04-04T08:01:00-04:00", 10, 1000.00)]
    [InlineData("2026-04-04T00:00:00-04:00", 0, 0.00)] // 72 h: availability exactly 90%, no credit
    [InlineData("2026-04-04T00:00:01-04:00", 9, 900.00)] // 72 h and a second: below 90%
    public void Increments_at_their_boundaries(string closed, long increments, decimal credit)
    {
        // Resolved at noon on day one, so no MTTR credit mixes in.
        var t = Ticket("TT-1", "2026-04-01T00:00:00-04:00", closed, resolved: "2026-04-01T12:00:00-04:00");
        var s = Compute(Inputs(3000m, t), "2026-04");
        s.AvailabilityIncrements.ShouldBe(increments);
        s.AvailabilityCredit.ShouldBe(credit);
        s.MttrCredit.ShouldBe(0m);
    }

    [Fact] // R13: exactly 90% availability is not below 90%.
    public void Exactly_ninety_percent_earns_nothing()
    {
        var s = Compute(Inputs(3000m, Ticket("TT-1", "2026-04-01T00:00:00-04:00", "2026-04-04T00:00:00-04:00", resolved: "2026-04-01T12:00:00-04:00")), "2026-04");
        s.AvailabilityPercent.ShouldBe(90.0000m);
        s.AvailabilityBelowNinetyPercent.ShouldBeFalse();
        s.TotalCredit.ShouldBe(0m);
    }

    [Fact] // R10: overlapping outages count once; R9 each ticket's overdue days count.
    public void Overlapping_outages_count_once()
    {
        var a = Ticket("TT-1", "2026-04-06T00:00:00-04:00", "2026-04-08T00:00:00-04:00");
        var b = Ticket("TT-2", "2026-04-07T00:00:00-04:00", "2026-04-10T00:00:00-04:00");
        var s = Compute(Inputs(3000m, a, b), "2026-04");
        s.DowntimeMinutes.ShouldBe(5760.00m); // 96 h, not 120 h
        s.AvailabilityPercent.ShouldBe(86.6667m);
        s.AvailabilityCredit.ShouldBe(1200.00m); // 12 increments x 100
        s.OverdueBusinessDays.ShouldBe(1); // TT-2: T = 8 April, 9 April passed
        s.MttrCredit.ShouldBe(136.36m);
        s.TotalCredit.ShouldBe(1336.36m);
        s.TroubleTickets.Select(t => t.DowntimeMinutes).ShouldBe([2880.00m, 4320.00m]);
    }

    [Fact] // R10: scheduled maintenance inside the standard window is carved out, the overrun counts.
    public void Scheduled_maintenance_overrun_counts()
    {
        var t = Ticket("TT-1", "2026-03-10T21:00:00-04:00", "2026-03-11T08:00:00-04:00", cause: RootCause.ScheduledMaintenance);
        var line = Compute(Inputs(2200m, t), "2026-03").TroubleTickets.Single();
        line.DowntimeMinutes.ShouldBe(120.00m);
        line.CarvedOutIntervals.ShouldBe([new Interval(I("2026-03-10T22:00:00-04:00"), I("2026-03-11T07:00:00-04:00"))]);
    }

    [Fact] // R10: a platform defect inside a window is not carved out, and overlapping counted time counts once.
    public void Platform_defect_in_a_window_counts()
    {
        var maintenance = Ticket("TT-1", "2026-03-10T21:00:00-04:00", "2026-03-11T08:00:00-04:00", cause: RootCause.ScheduledMaintenance);
        var defect = Ticket("TT-2", "2026-03-10T23:00:00-04:00", "2026-03-11T00:00:00-04:00");
        Compute(Inputs(2200m, maintenance, defect), "2026-03").DowntimeMinutes.ShouldBe(180.00m);
    }

    [Fact] // R4/R10: a prearranged window on a Sunday (no standard window) is carved out of scheduled maintenance.
    public void Prearranged_window_is_carved_out()
    {
        var t = Ticket("TT-1", "2026-03-15T01:00:00-04:00", "2026-03-15T05:00:00-04:00", cause: RootCause.ScheduledMaintenance);
        var inputs = Inputs(2200m, t) with { PrearrangedWindows = [new PrearrangedWindow(I("2026-03-15T00:00:00-04:00"), I("2026-03-15T04:00:00-04:00"), I("2026-03-01T00:00:00Z"))] };
        Compute(inputs, "2026-03").DowntimeMinutes.ShouldBe(60.00m);
    }

    [Fact] // R10: maintenance entirely inside a window is no downtime.
    public void Maintenance_inside_the_window_is_free() =>
        Compute(Inputs(2200m, Ticket("TT-1", "2026-03-10T23:00:00-04:00", "2026-03-11T03:00:00-04:00", cause: RootCause.ScheduledMaintenance)), "2026-03")
            .DowntimeMinutes.ShouldBe(0m);

    [Fact] // R1/R10: an outage across the autumn DST change and a month end, split by real elapsed time.
    public void Outage_across_fall_back_and_month_end()
    {
        var t = Ticket("TT-1", "2026-10-31T23:00:00-04:00", "2026-11-01T03:00:00-05:00");
        var inputs = Inputs(2200m, t);
        Compute(inputs, "2026-10").DowntimeMinutes.ShouldBe(60.00m);
        var nov = Compute(inputs, "2026-11");
        nov.DowntimeMinutes.ShouldBe(240.00m);
        nov.MinutesInMonth.ShouldBe(43260); // 721 h, see PolicyTimeTests
        nov.AvailabilityPercent.ShouldBe(99.4452m); // 1 - 14,400 / 2,595,600
    }

    [Fact] // R1/R10: an outage across spring forward lasts its real two hours.
    public void Outage_across_spring_forward() =>
        Compute(Inputs(2200m, Ticket("TT-1", "2026-03-08T01:00:00-05:00", "2026-03-08T04:00:00-04:00")), "2026-03").DowntimeMinutes.ShouldBe(120.00m);

    [Fact] // R5/R9: each overdue day at its own month's rate, a rate change effective March recorded later included.
    public void Overdue_days_at_each_months_rate()
    {
        var t = Ticket("TT-1", "2026-02-25T10:00:00-05:00", "2026-03-04T12:00:00-05:00", kind: TroubleTicketKind.Performance,
            approved: "2026-03-05T10:00:00-05:00");
        var inputs = Inputs(2200m, t) with
        {
            Rates = new RateSchedule(2200m, [new RateChange(M("2026-03"), 4400m, I("2026-04-15T10:00:00-04:00"))]),
        };
        var feb = Compute(inputs, "2026-02");
        feb.MttrCredit.ShouldBe(100.00m);
        feb.DowntimeMinutes.ShouldBe(0m); // R10: performance tickets are never downtime
        feb.Ledger.Single().InvoiceMonth.ShouldBe(M("2026-04"));
        var mar = Compute(inputs, "2026-03");
        mar.MonthlyRate.ShouldBe(4400m);
        mar.MttrCredit.ShouldBe(400.00m);
    }

    [Fact] // R13: the MTTR cap is per month across tickets, and each approval's ledger line is what it changed.
    public void Ledger_lines_per_approval_under_the_cap()
    {
        var a = Ticket("TT-A", "2026-03-02T09:00:00-05:00", "2026-03-13T18:00:00-04:00", kind: TroubleTicketKind.Performance,
            approved: "2026-03-20T10:00:00-04:00"); // overdue 4-6 and 9-13 March: 8 days
        var b = Ticket("TT-B", "2026-03-09T09:00:00-04:00", "2026-03-17T18:00:00-04:00", kind: TroubleTicketKind.Performance,
            approved: "2026-04-02T10:00:00-04:00"); // overdue 11-13, 16, 17 March: 5 days
        var s = Compute(Inputs(2200m, a, b), "2026-03");
        s.OverdueBusinessDays.ShouldBe(13);
        s.MttrCredit.ShouldBe(1100.00m);
        s.MttrCreditCapped.ShouldBeTrue();
        s.Ledger.Select(l => (l.TroubleTicketId, l.Amount, l.InvoiceMonth)).ShouldBe([("TT-A", 800.00m, M("2026-04")), ("TT-B", 300.00m, M("2026-05"))]);
    }

    [Fact] // R13: the two caps are separate; no combined cap.
    public void Caps_are_separate()
    {
        var t = Ticket("TT-1", "2026-04-01T00:00:00-04:00", "2026-04-30T12:00:00-04:00");
        var s = Compute(Inputs(3000m, t), "2026-04");
        s.AvailabilityCredit.ShouldBe(1500.00m);
        s.MttrCredit.ShouldBe(1500.00m);
        s.TotalCredit.ShouldBe(3000.00m);
    }

    [Fact] // A month with no approved requests is a valid statement with zero credits.
    public void Empty_month()
    {
        var s = Compute(Inputs(2200m), "2026-05");
        s.MinutesInMonth.ShouldBe(44640);
        s.AvailabilityPercent.ShouldBe(100m);
        s.TotalCredit.ShouldBe(0m);
        s.Ledger.ShouldBeEmpty();
    }

    [Fact] // R3/R9: an extra holiday on an overdue day changes the figure and the calendar identity.
    public void Calendar_change_moves_the_figures()
    {
        var tt100 = Ticket("TT-100", "2026-03-02T16:30:00-05:00", "2026-03-09T12:00:00-04:00",
            anchor: "2026-03-03T10:00:00-05:00", resolved: "2026-03-09T11:00:00-04:00", approved: "2026-03-10T09:30:00-04:00");
        var calendar = new HolidayCalendar(new CalendarSettings([D("2026-03-04")], []));
        var s = StatementCalculator.Compute(Inputs(2200m, tt100), M("2026-03"), calendar);
        // T moves from Wed 4 to Thu 5 March; only Fri 6 March is overdue.
        s.OverdueBusinessDays.ShouldBe(1);
        s.MttrCredit.ShouldBe(100.00m);
        s.Calendar.ShouldBe(calendar.Identity);
    }
}
