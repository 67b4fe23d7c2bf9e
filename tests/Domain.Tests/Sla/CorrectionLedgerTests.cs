using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Sla;

/// <summary>
/// R14 on the worked example (docs/policy.md): TT-100's target day is Wed 4 March, overdue Thu 5 and Fri 6, total
/// 1,300.00 approved Tue 10 March and invoiced in April. A holiday on 4 March moves T to Thu 5: one overdue day, 1,200.00.
/// </summary>
public class CorrectionLedgerTests
{
    private static readonly Actor Staff = Actor.Agent("ops");

    private static readonly StatementInputs Acme = new("acme", "USD", new RateSchedule(2200.00m, []), [],
        [new ApprovedTroubleTicket("TT-100", "TT-100/request-1", TroubleTicketKind.Outage, RootCause.PlatformDefect,
            I("2026-03-02T16:30:00-05:00"), I("2026-03-09T12:00:00-04:00"), I("2026-03-03T10:00:00-05:00"),
            I("2026-03-09T11:00:00-04:00"), I("2026-03-10T09:30:00-04:00"))]);

    private static HolidayDeclared Declare(string date, string at) => new(D(date), "Storm day", "office closed", I(at), Staff);

    private static HolidayWithdrawn Withdraw(string date, string at) => new(D(date), "reopened", I(at), Staff);

    private static CalendarHistory Given(params object[] events) => events.Aggregate(CalendarHistory.Empty, CalendarHistory.Evolve);

    private static MonthlyStatement March(CalendarHistory history) => StatementCalculator.Compute(Acme, M("2026-03"), history);

    [Fact] // The issue's example: declared on 12 May, March stays issued at 1,300.00, corrected to 1,200.00, -100.00 in June.
    public void A_holiday_declared_after_issue_adds_a_negative_correction()
    {
        var history = Given(Declare("2026-03-04", "2026-05-12T10:00:00-04:00"));
        var s = March(history);

        (s.TotalCredit, s.OverdueBusinessDays, s.MttrCredit, s.AvailabilityCredit).ShouldBe((1200.00m, 1L, 100.00m, 1100.00m));
        s.TroubleTickets.Single().TargetDay.ShouldBe(D("2026-03-05"));
        s.Ledger.Count.ShouldBe(2);
        s.Ledger[0].ShouldBe(LedgerLine.Credit("TT-100", "TT-100/request-1", I("2026-03-10T09:30:00-04:00"), 1300.00m));
        s.Ledger[0].InvoiceMonth.ShouldBe(M("2026-04"));
        s.Ledger[1].ShouldSatisfyAllConditions(
            l => l.Kind.ShouldBe(LedgerLineKind.Correction),
            l => l.Amount.ShouldBe(-100.00m),
            l => l.InvoiceMonth.ShouldBe(M("2026-06")),
            l => l.Change!.Version.ShouldBe(1),
            l => l.Change!.Date.ShouldBe(D("2026-03-04")));
        s.Ledger.Sum(l => l.Amount).ShouldBe(s.TotalCredit);

        s.Issued.ShouldNotBeNull();
        (s.Issued.TotalCredit, s.Issued.OverdueBusinessDays, s.Issued.CalendarVersion).ShouldBe((1300.00m, 2L, 0L));
        s.Issued.IssuedAt.ShouldBe(I("2026-03-10T09:30:00-04:00"));
        s.Issued.ChangedBy.Single().Version.ShouldBe(1);
        s.CalendarVersion.ShouldBe(1);
    }

    [Fact] // R14: a change recorded before the approval is simply the calendar the approval was judged with.
    public void A_holiday_declared_before_issue_is_no_correction()
    {
        var s = March(Given(Declare("2026-03-04", "2026-03-05T10:00:00-05:00")));
        s.TotalCredit.ShouldBe(1200.00m);
        s.Ledger.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.Kind.ShouldBe(LedgerLineKind.Credit), l => l.Amount.ShouldBe(1200.00m));
        s.Issued.ShouldBeNull();
    }

    [Fact] // A change recorded at the approval's very instant was known to it.
    public void A_change_at_the_approval_instant_counts_for_the_approval()
    {
        var s = March(Given(Declare("2026-03-04", "2026-03-10T09:30:00-04:00")));
        s.Ledger.ShouldHaveSingleItem().Amount.ShouldBe(1200.00m);
    }

    [Fact] // R14, the other direction: withdrawing the holiday later gives the day back as a positive correction.
    public void A_withdrawal_after_issue_adds_a_positive_correction()
    {
        var s = March(Given(Declare("2026-03-04", "2026-03-05T10:00:00-05:00"), Withdraw("2026-03-04", "2026-07-31T23:59:00-04:00")));
        s.TotalCredit.ShouldBe(1300.00m);
        s.Ledger.Select(l => (l.Kind, l.Amount, l.InvoiceMonth)).ShouldBe([
            (LedgerLineKind.Credit, 1200.00m, M("2026-04")),
            (LedgerLineKind.Correction, 100.00m, M("2026-08")), // recorded on 31 July Eastern time: August's invoice
        ]);
        s.Issued!.TotalCredit.ShouldBe(1200.00m);
    }

    [Fact] // Declared, then withdrawn: two corrections cancel, the credit stays as issued.
    public void Declared_then_withdrawn_after_issue_nets_to_zero()
    {
        var s = March(Given(Declare("2026-03-04", "2026-05-12T10:00:00-04:00"), Withdraw("2026-03-04", "2026-06-02T10:00:00-04:00")));
        s.Ledger.Select(l => l.Amount).ShouldBe([1300.00m, -100.00m, 100.00m]);
        s.TotalCredit.ShouldBe(1300.00m);
        s.Issued.ShouldBeNull(); // the figures are the issued ones again
    }

    [Fact] // A date outside TT-100's MTTR span changes nothing and is no correction.
    public void A_change_the_month_does_not_reach_is_ignored()
    {
        var s = March(Given(Declare("2026-03-20", "2026-05-12T10:00:00-04:00")));
        s.Ledger.ShouldHaveSingleItem().Amount.ShouldBe(1300.00m);
        s.Issued.ShouldBeNull();
        s.CalendarVersion.ShouldBe(1);
    }

    [Fact] // R14: "as of X" uses the changes recorded at or before X.
    public void As_of_before_the_change_shows_the_issued_statement()
    {
        var history = Given(Declare("2026-03-04", "2026-05-12T10:00:00-04:00"));
        var before = March(history.AsOf(I("2026-05-12T09:59:59-04:00")));
        before.TotalCredit.ShouldBe(1300.00m);
        before.Ledger.ShouldHaveSingleItem();
        before.CalendarVersion.ShouldBe(0);
        March(history.AsOf(I("2026-05-12T10:00:00-04:00"))).TotalCredit.ShouldBe(1200.00m);
    }

    [Fact] // R14's what-if gives exactly the correction the change then adds.
    public void What_if_equals_the_correction_recording_makes()
    {
        var current = CalendarHistory.Empty;
        var change = Declare("2026-03-04", "2026-05-12T10:00:00-04:00");
        var differences = CalendarWhatIf.Differences(Acme, current, current.With(change), D("2026-03-04"));
        differences.ShouldHaveSingleItem().ShouldBe(new MonthDifference(M("2026-03"), 1300.00m, 1200.00m));
        differences[0].Difference.ShouldBe(March(current.With(change)).Ledger.Last().Amount);

        CalendarWhatIf.Differences(Acme, current, current.With(Declare("2026-03-20", "2026-05-12T10:00:00-04:00")), D("2026-03-20")).ShouldBeEmpty();
    }

    private static StatementInputs AcmeWithRate(decimal rate, string effective, string recordedAt) =>
        Acme with { Rates = new RateSchedule(2200.00m, [new RateChange(M(effective), rate, I(recordedAt))]) };

    [Fact] // R5, R13: a rate halved for March after March was issued corrects it on the next invoice; the issued credit stays.
    public void A_rate_change_recorded_after_issue_adds_a_correction_and_keeps_the_issued_credit()
    {
        // Given March issued at 1,300.00 (rate 2,200.00) on 10 March, and on 12 May a rate of 1,100.00 effective March.
        var inputs = AcmeWithRate(1100.00m, "2026-03", "2026-05-12T10:00:00-04:00");

        var s = StatementCalculator.Compute(inputs, M("2026-03"), CalendarHistory.Empty);

        // Then at 1,100.00: availability capped at 550.00 (R13), two overdue days at 1,100.00 / 22 = 50.00 each (R9).
        (s.MonthlyRate, s.AvailabilityCredit, s.MttrCredit, s.TotalCredit).ShouldBe((1100.00m, 550.00m, 100.00m, 650.00m));
        s.Ledger.Count.ShouldBe(2);
        s.Ledger[0].ShouldBe(LedgerLine.Credit("TT-100", "TT-100/request-1", I("2026-03-10T09:30:00-04:00"), 1300.00m));
        s.Ledger[1].ShouldSatisfyAllConditions(
            l => l.Kind.ShouldBe(LedgerLineKind.Correction),
            l => l.Amount.ShouldBe(-650.00m),
            l => l.InvoiceMonth.ShouldBe(M("2026-06")),
            l => l.RateChange!.MonthlyRate.ShouldBe(1100.00m),
            l => l.Change.ShouldBeNull());
        s.Ledger.Sum(l => l.Amount).ShouldBe(s.TotalCredit);
        s.Issued.ShouldNotBeNull().TotalCredit.ShouldBe(1300.00m);
    }

    [Fact] // R5: a rate change recorded before the approval is simply the rate the approval was judged with.
    public void A_rate_change_recorded_before_issue_is_no_correction()
    {
        var s = StatementCalculator.Compute(AcmeWithRate(1100.00m, "2026-03", "2026-03-09T10:00:00-04:00"), M("2026-03"), CalendarHistory.Empty);

        s.TotalCredit.ShouldBe(650.00m);
        s.Ledger.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.Kind.ShouldBe(LedgerLineKind.Credit), l => l.Amount.ShouldBe(650.00m));
        s.Issued.ShouldBeNull();
    }

    [Fact] // A rate change effective after the month, recorded whenever, leaves the month and its ledger alone.
    public void A_rate_change_effective_later_touches_nothing()
    {
        var s = StatementCalculator.Compute(AcmeWithRate(1100.00m, "2026-04", "2026-05-12T10:00:00-04:00"), M("2026-03"), CalendarHistory.Empty);

        s.TotalCredit.ShouldBe(1300.00m);
        s.Ledger.ShouldHaveSingleItem();
        s.Issued.ShouldBeNull();
    }

    [Fact] // R4, R10, R13: a window recorded after the approval carves the outage out on the next invoice; the issued credit stays.
    public void A_window_recorded_after_issue_adds_a_correction_and_keeps_the_issued_credit()
    {
        // Given scheduled maintenance from Sunday 15 March to Friday 20 March, resolved Thursday 19 March 23:00, approved 23 March.
        var maintenance = new ApprovedTroubleTicket("TT-9", "TT-9/request-1", TroubleTicketKind.Outage, RootCause.ScheduledMaintenance,
            I("2026-03-15T00:00:00-04:00"), I("2026-03-20T00:00:00-04:00"), I("2026-03-15T00:00:00-04:00"),
            I("2026-03-19T23:00:00-04:00"), I("2026-03-23T10:00:00-04:00"));
        var unknown = new StatementInputs("acme", "USD", new RateSchedule(2200.00m, []), [], [maintenance]);
        var window = new PrearrangedWindow(I("2026-03-15T00:00:00-04:00"), I("2026-03-20T00:00:00-04:00"), I("2026-04-02T10:00:00-04:00"));
        var issuedTotal = StatementCalculator.Compute(unknown, M("2026-03"), CalendarHistory.Empty).TotalCredit;

        // When the window covering it is recorded on 2 April
        var s = StatementCalculator.Compute(unknown with { PrearrangedWindows = [window] }, M("2026-03"), CalendarHistory.Empty);

        // Then no downtime is left, only R9's overdue days (T = Monday 16; Tue 17, Wed 18, Thu 19 passed): 3 x 100.00.
        (s.DowntimeMinutes, s.AvailabilityCredit, s.OverdueBusinessDays, s.TotalCredit).ShouldBe((0m, 0m, 3L, 300.00m));
        issuedTotal.ShouldBeGreaterThan(300.00m);
        s.Ledger.Count.ShouldBe(2);
        s.Ledger[0].ShouldBe(LedgerLine.Credit("TT-9", "TT-9/request-1", I("2026-03-23T10:00:00-04:00"), issuedTotal));
        s.Ledger[1].ShouldSatisfyAllConditions(
            l => l.Kind.ShouldBe(LedgerLineKind.Correction),
            l => l.Amount.ShouldBe(300.00m - issuedTotal),
            l => l.InvoiceMonth.ShouldBe(M("2026-05")),
            l => l.Window.ShouldBe(window));
        s.Issued.ShouldNotBeNull().TotalCredit.ShouldBe(issuedTotal);
    }

    [Fact] // R4: a window recorded before the approval is simply part of what the approval counted.
    public void A_window_recorded_before_issue_is_no_correction()
    {
        var maintenance = new ApprovedTroubleTicket("TT-9", "TT-9/request-1", TroubleTicketKind.Outage, RootCause.ScheduledMaintenance,
            I("2026-03-15T00:00:00-04:00"), I("2026-03-20T00:00:00-04:00"), I("2026-03-15T00:00:00-04:00"),
            I("2026-03-19T23:00:00-04:00"), I("2026-03-23T10:00:00-04:00"));
        var window = new PrearrangedWindow(I("2026-03-15T00:00:00-04:00"), I("2026-03-20T00:00:00-04:00"), I("2026-03-01T10:00:00-05:00"));
        var s = StatementCalculator.Compute(new StatementInputs("acme", "USD", new RateSchedule(2200.00m, []), [window], [maintenance]), M("2026-03"), CalendarHistory.Empty);

        s.TotalCredit.ShouldBe(300.00m);
        s.Ledger.ShouldHaveSingleItem().Amount.ShouldBe(300.00m);
        s.Issued.ShouldBeNull();
    }
}
