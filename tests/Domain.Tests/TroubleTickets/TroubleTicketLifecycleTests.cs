using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Domain.Tests.At;
using static Spiisee.EventSourced.Domain.Tests.Given;

namespace Spiisee.EventSourced.Domain.Tests.TroubleTickets;

/// <summary>R8.</summary>
public class TroubleTicketLifecycleTests
{
    private static readonly OpenTroubleTicket Open = new("TT-100", "T-100", TroubleTicketKind.Outage);
    private static readonly CommandContext At1630 = When("2026-03-02T16:30:00-05:00");

    [Fact] // R8: opening replaces the support ticket in the same step.
    public void Opening_replaces_the_support_ticket()
    {
        var d = TroubleTicketDecider.Decide(Ticket(T100Opened(Priority.P1)), null, Open, At1630);
        d.IsAccepted.ShouldBeTrue();
        d.Events.Select(e => e.Stream).ShouldBe([StreamRef.TroubleTicket("TT-100"), StreamRef.Ticket("T-100")]);
        var opened = d.Events[0].Event.ShouldBeOfType<TroubleTicketOpened>();
        (opened.AccountId, opened.Priority, opened.At).ShouldBe(("acme", Priority.P1, I("2026-03-02T16:30:00-05:00")));
        d.Events[1].Event.ShouldBeOfType<TicketReplaced>().TroubleTicketId.ShouldBe("TT-100");
    }

    [Fact]
    public void Opening_needs_an_open_ticket_and_a_new_id()
    {
        TroubleTicketDecider.Decide(null, null, Open, At1630).Reason.ShouldBe(ReasonCodes.UnknownTicket);
        TroubleTicketDecider.Decide(Ticket(T100Opened()), TroubleTicket(TT100Opened()), Open, At1630).Reason.ShouldBe(ReasonCodes.DuplicateId);
        var replaced = Ticket(T100Opened(), new TicketReplaced("T-100", "TT-99", I("2026-03-02T16:00:00-05:00"), Journal));
        TroubleTicketDecider.Decide(replaced, null, Open, At1630).Reason.ShouldBe(ReasonCodes.TicketNotOpen);
    }

    [Fact] // R8/R9: the first assignment before resolution anchors MTTR; later ones are recorded only.
    public void Only_the_first_assignment_anchors()
    {
        var tt = TroubleTicket(TT100Opened())!;
        var first = TroubleTicketDecider.Decide(tt, new AssignTroubleTicket("TT-100", "agent-7"), When("2026-03-03T10:00:00-05:00"));
        first.Events.Single().Event.ShouldBeOfType<TroubleTicketAssigned>().AnchorsMttr.ShouldBeTrue();
        tt = TroubleTicketState.Evolve(tt, first.Events.Single().Event)!;
        var second = TroubleTicketDecider.Decide(tt, new AssignTroubleTicket("TT-100", "agent-9"), When("2026-03-04T10:00:00-05:00"));
        second.Events.Single().Event.ShouldBeOfType<TroubleTicketAssigned>().AnchorsMttr.ShouldBeFalse();
        tt = TroubleTicketState.Evolve(tt, second.Events.Single().Event)!;
        tt.MttrAnchor.ShouldBe(I("2026-03-03T10:00:00-05:00"));
    }

    [Fact] // R9: without an assignment before resolution the anchor is the opening instant.
    public void Assignment_after_resolution_does_not_anchor()
    {
        var tt = TroubleTicket(TT100Opened(), TT100Resolved())!;
        var d = TroubleTicketDecider.Decide(tt, new AssignTroubleTicket("TT-100", "agent-7"), When("2026-03-09T11:30:00-04:00"));
        d.Events.Single().Event.ShouldBeOfType<TroubleTicketAssigned>().AnchorsMttr.ShouldBeFalse();
        TroubleTicketState.Evolve(tt, d.Events.Single().Event)!.MttrAnchor.ShouldBe(I("2026-03-02T16:30:00-05:00"));
    }

    [Fact] // R8
    public void Resolving_twice_is_AlreadyResolved() =>
        TroubleTicketDecider.Decide(TroubleTicket(TT100Opened(), TT100Resolved()), new ResolveTroubleTicket("TT-100", RootCause.PlatformDefect),
            When("2026-03-09T11:30:00-04:00")).Reason.ShouldBe(ReasonCodes.AlreadyResolved);

    [Fact] // R8: closing an unresolved ticket needs a root cause.
    public void Closing_unresolved_without_a_cause() =>
        TroubleTicketDecider.Decide(TroubleTicket(TT100Opened()), new CloseTroubleTicket("TT-100"), When("2026-03-09T12:00:00-04:00"))
            .Reason.ShouldBe(ReasonCodes.RootCauseRequired);

    [Fact] // R8: ... and with one it resolves at the same instant.
    public void Closing_unresolved_with_a_cause_resolves_it()
    {
        var d = TroubleTicketDecider.Decide(TroubleTicket(TT100Opened()), new CloseTroubleTicket("TT-100", RootCause.CarrierOutage),
            When("2026-03-09T12:00:00-04:00"));
        d.EventTypes().ShouldBe([typeof(TroubleTicketResolved), typeof(TroubleTicketClosed)]);
        var state = d.Events.Aggregate(TroubleTicket(TT100Opened()), (s, e) => TroubleTicketState.Evolve(s, e.Event))!;
        (state.ResolvedAt, state.ClosedAt, state.RootCause).ShouldBe((I("2026-03-09T12:00:00-04:00"), I("2026-03-09T12:00:00-04:00"), RootCause.CarrierOutage));
    }

    [Fact] // R8: nothing but a credit request after close.
    public void Closed_ticket_takes_nothing_else()
    {
        var closed = ClosedTT100();
        var at = When("2026-03-09T13:00:00-04:00");
        TroubleTicketDecider.Decide(closed, new AssignTroubleTicket("TT-100", "a"), at).Reason.ShouldBe(ReasonCodes.TroubleTicketClosed);
        TroubleTicketDecider.Decide(closed, new ResolveTroubleTicket("TT-100", RootCause.PlatformDefect), at).Reason.ShouldBe(ReasonCodes.TroubleTicketClosed);
        TroubleTicketDecider.Decide(closed, new CloseTroubleTicket("TT-100"), at).Reason.ShouldBe(ReasonCodes.TroubleTicketClosed);
    }

    [Fact] // R8
    public void Unknown_trouble_ticket()
    {
        var at = When("2026-03-09T13:00:00-04:00");
        TroubleTicketDecider.Decide(null, new AssignTroubleTicket("TT-404", "a"), at).Reason.ShouldBe(ReasonCodes.UnknownTroubleTicket);
        TroubleTicketDecider.Decide(null, new ResolveTroubleTicket("TT-404", RootCause.PlatformDefect), at).Reason.ShouldBe(ReasonCodes.UnknownTroubleTicket);
        TroubleTicketDecider.Decide(null, new CloseTroubleTicket("TT-404"), at).Reason.ShouldBe(ReasonCodes.UnknownTroubleTicket);
    }
}

/// <summary>An outage cannot end before it starts (R8, R10): steps dated before the step they follow are refused.</summary>
public class StepOrderTests
{
    private static readonly Instant Opened = I("2026-03-02T16:30:00-05:00");

    [Theory]
    [InlineData("2026-03-02T16:29:59-05:00", ReasonCodes.OutOfOrder)]
    [InlineData("2026-03-02T16:30:00-05:00", null)]
    public void Assigning_resolving_and_closing_before_the_opening_are_refused(string at, string? reason)
    {
        var tt = TroubleTicket(TT100Opened())!;
        tt.OpenedAt.ShouldBe(Opened);
        TroubleTicketDecider.Decide(tt, new AssignTroubleTicket("TT-100", "a"), When(at)).Reason.ShouldBe(reason);
        TroubleTicketDecider.Decide(tt, new ResolveTroubleTicket("TT-100", RootCause.PlatformDefect), When(at)).Reason.ShouldBe(reason);
        TroubleTicketDecider.Decide(tt, new CloseTroubleTicket("TT-100", RootCause.PlatformDefect), When(at)).Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("2026-03-09T10:59:59-04:00", ReasonCodes.OutOfOrder)]
    [InlineData("2026-03-09T11:00:00-04:00", null)]
    public void Closing_before_the_resolution_is_refused(string at, string? reason)
    {
        var tt = TroubleTicket(TT100Opened(), new TroubleTicketResolved("TT-100", RootCause.PlatformDefect, I("2026-03-09T11:00:00-04:00"), Journal))!;
        TroubleTicketDecider.Decide(tt, new CloseTroubleTicket("TT-100"), When(at)).Reason.ShouldBe(reason);
    }

    [Fact]
    public void Opening_before_the_ticket_it_replaces_is_refused()
    {
        var ticket = Ticket(T100Opened(Priority.P1))!;
        TroubleTicketDecider.Decide(ticket, null, new OpenTroubleTicket("TT-100", "T-100", TroubleTicketKind.Outage), new CommandContext(ticket.OpenedAt - Duration.FromSeconds(1), Journal))
            .Reason.ShouldBe(ReasonCodes.OutOfOrder);
        TroubleTicketDecider.Decide(ticket, null, new OpenTroubleTicket("TT-100", "T-100", TroubleTicketKind.Outage), new CommandContext(ticket.OpenedAt, Journal))
            .IsAccepted.ShouldBeTrue();
    }
}
