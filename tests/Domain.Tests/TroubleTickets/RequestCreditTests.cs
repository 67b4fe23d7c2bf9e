using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Domain.Tests.At;
using static Spiisee.EventSourced.Domain.Tests.Given;

namespace Spiisee.EventSourced.Domain.Tests.TroubleTickets;

/// <summary>R12, and R9's agreement extension.</summary>
public class RequestCreditTests
{
    private static readonly RequestCredit Request = new("TT-100", "alice@acme.example");

    private static Decision Decide(TroubleTicketState? tt, string at, RequestCredit? c = null, AccountState? account = null) =>
        TroubleTicketDecider.Decide(tt, account ?? AcmeWithAlice(), c ?? Request, When(at), HolidayCalendar.Default);

    [Fact] // Worked example: approved, and the agreement moves from 2026-12-31 to 2027-01-31.
    public void Worked_example_is_approved_and_extends_the_agreement()
    {
        var d = Decide(ClosedTT100(), "2026-03-10T09:30:00-04:00");
        d.IsAccepted.ShouldBeTrue();
        var approved = d.Events[0].Event.ShouldBeOfType<CreditRequestApproved>();
        (approved.RequestId, approved.OverdueBusinessDays, approved.MttrAnchor).ShouldBe(("TT-100/request-1", 2L, I("2026-03-03T10:00:00-05:00")));
        d.Events[1].Stream.ShouldBe(StreamRef.Account("acme"));
        var extended = d.Events[1].Event.ShouldBeOfType<MaintenanceExtended>();
        (extended.PreviousTo, extended.MaintenanceTo).ShouldBe((D("2026-12-31"), D("2027-01-31")));
    }

    [Fact] // Worked example: a second request is DuplicateRequest, and nothing is recorded.
    public void Second_request_is_a_duplicate()
    {
        var tt = TroubleTicketState.Evolve(ClosedTT100(), Decide(ClosedTT100(), "2026-03-10T09:30:00-04:00").Events[0].Event);
        var d = Decide(tt, "2026-03-10T09:31:00-04:00");
        d.Reason.ShouldBe(ReasonCodes.DuplicateRequest);
        d.Events.ShouldBeEmpty();
    }

    [Fact] // Worked example: a stranger's request is NotAuthorizedContact, not recorded.
    public void A_stranger_is_not_an_authorized_contact()
    {
        var d = Decide(ClosedTT100(), "2026-03-10T09:32:00-04:00", Request with { ContactId = "mallory@elsewhere.example" });
        d.Reason.ShouldBe(ReasonCodes.NotAuthorizedContact);
        d.Events.ShouldBeEmpty();
    }

    [Fact] // R12 step 1
    public void Unknown_trouble_ticket() => Decide(null, "2026-03-10T09:30:00-04:00").Reason.ShouldBe(ReasonCodes.UnknownTroubleTicket);

    [Fact] // R12 step 2: recorded, and a later request after close may still be approved.
    public void Before_close_is_recorded_as_not_closed()
    {
        var open = TroubleTicket(TT100Opened(), TT100Assigned())!;
        var d = Decide(open, "2026-03-05T09:30:00-05:00");
        d.Reason.ShouldBe(ReasonCodes.TroubleTicketNotClosed);
        d.Events.Single().Event.ShouldBeOfType<CreditRequestRejected>().Reason.ShouldBe(ReasonCodes.TroubleTicketNotClosed);

        var closed = new object[] { d.Events.Single().Event, TT100Resolved(), TT100Closed() }.Aggregate(open, (s, e) => TroubleTicketState.Evolve(s, e)!);
        var again = Decide(closed, "2026-03-10T09:30:00-04:00");
        again.IsAccepted.ShouldBeTrue();
        again.Events[0].Event.ShouldBeOfType<CreditRequestApproved>().RequestId.ShouldBe("TT-100/request-2");
    }

    [Theory] // R12: closed Mon 9 March; the 5th business day after is Mon 16 March; any time that day is in time.
    [InlineData("2026-03-16T23:59:00-04:00", null)]
    [InlineData("2026-03-16T23:59:59-04:00", null)]
    [InlineData("2026-03-17T00:00:00-04:00", ReasonCodes.LateRequest)]
    [InlineData("2026-03-17T03:59:00Z", null)] // still 16 March in New York
    public void Request_deadline(string at, string? reason) => Decide(ClosedTT100(), at).Reason.ShouldBe(reason);

    [Fact] // R12: the decision records the deadline it was judged against, for auditors (closed Mon 9 March -> Mon 16 March).
    public void Decisions_record_their_deadline()
    {
        Decide(ClosedTT100(), "2026-03-10T09:30:00-04:00").Events[0].Event.ShouldBeOfType<CreditRequestApproved>()
            .RequestDeadline.ShouldBe(D("2026-03-16"));
        var late = Decide(ClosedTT100(), "2026-03-17T00:00:00-04:00").Events.Single().Event.ShouldBeOfType<CreditRequestRejected>();
        (late.Reason, late.RequestDeadline, late.RootCause).ShouldBe((ReasonCodes.LateRequest, D("2026-03-16"), RootCause.PlatformDefect));
        var early = Decide(TroubleTicket(TT100Opened(), TT100Assigned())!, "2026-03-05T09:30:00-05:00").Events.Single().Event.ShouldBeOfType<CreditRequestRejected>();
        (early.Reason, early.RequestDeadline, early.RootCause).ShouldBe((ReasonCodes.TroubleTicketNotClosed, (LocalDate?)null, (RootCause?)null));
    }

    [Fact] // R12 with R3: closed Thu 2 July 2026; 3 July is observed, so the 5th business day is Fri 10 July.
    public void Deadline_skips_an_observed_holiday()
    {
        var tt = TroubleTicket(
            new TroubleTicketOpened("TT-7", "acme", "T-7", TroubleTicketKind.Outage, Spiisee.EventSourced.Domain.Tickets.Priority.P1, I("2026-07-01T10:00:00-04:00"), Journal),
            new TroubleTicketResolved("TT-7", RootCause.PlatformDefect, I("2026-07-02T10:00:00-04:00"), Journal),
            new TroubleTicketClosed("TT-7", I("2026-07-02T11:00:00-04:00"), Journal));
        Decide(tt, "2026-07-10T23:59:00-04:00", Request with { TroubleTicketId = "TT-7" }).IsAccepted.ShouldBeTrue();
        var late = Decide(tt, "2026-07-11T00:00:00-04:00", Request with { TroubleTicketId = "TT-7" });
        late.Reason.ShouldBe(ReasonCodes.LateRequest);
        late.Events.Single().Event.ShouldBeOfType<CreditRequestRejected>().RequestDeadline.ShouldBe(D("2026-07-10"));
    }

    [Theory] // R11: excluded causes earn no credit of either kind.
    [InlineData(RootCause.EmergencyMaintenance)]
    [InlineData(RootCause.CustomerEquipment)]
    [InlineData(RootCause.CarrierOutage)]
    [InlineData(RootCause.UnauthorizedUse)]
    [InlineData(RootCause.PolicyViolation)]
    [InlineData(RootCause.ForceMajeure)]
    [InlineData(RootCause.BeyondReasonableControl)]
    public void Excluded_causes(RootCause cause)
    {
        var d = Decide(ClosedTT100(cause), "2026-03-10T09:30:00-04:00");
        d.Reason.ShouldBe(ReasonCodes.ExcludedCause);
        d.Events.Single().Event.ShouldBeOfType<CreditRequestRejected>();
    }

    [Fact] // R12: lateness is checked before the cause.
    public void Late_before_excluded() =>
        Decide(ClosedTT100(RootCause.ForceMajeure), "2026-04-01T09:30:00-04:00").Reason.ShouldBe(ReasonCodes.LateRequest);

    [Fact] // R9: no overdue day, no extension.
    public void No_overdue_day_no_extension()
    {
        var tt = TroubleTicket(TT100Opened(), TT100Assigned(),
            new TroubleTicketResolved("TT-100", RootCause.ScheduledMaintenance, I("2026-03-04T12:00:00-05:00"), Journal),
            new TroubleTicketClosed("TT-100", I("2026-03-04T12:30:00-05:00"), Journal));
        var d = Decide(tt, "2026-03-05T09:30:00-05:00");
        d.IsAccepted.ShouldBeTrue();
        d.EventTypes().ShouldBe([typeof(CreditRequestApproved)]);
    }

    [Fact] // R12: a caller-supplied request id is kept.
    public void Request_id_is_kept() =>
        Decide(ClosedTT100(), "2026-03-10T09:30:00-04:00", Request with { RequestId = "CR-1" }).Events[0].Event
            .ShouldBeOfType<CreditRequestApproved>().RequestId.ShouldBe("CR-1");
}
