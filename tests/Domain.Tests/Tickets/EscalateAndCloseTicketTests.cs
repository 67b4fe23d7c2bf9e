using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using static Spiisee.EventSourced.Domain.Tests.Given;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Tickets;

/// <summary>R7.</summary>
public class EscalateAndCloseTicketTests
{
    private static readonly CommandContext Later = When("2026-03-02T15:00:00-05:00");

    [Theory]
    [InlineData(Priority.P2, Priority.P1, null)]
    [InlineData(Priority.P3, Priority.P2, null)]
    [InlineData(Priority.P3, Priority.P1, null)]
    [InlineData(Priority.P2, Priority.P2, ReasonCodes.NotAnEscalation)]
    [InlineData(Priority.P1, Priority.P2, ReasonCodes.NotAnEscalation)]
    [InlineData(Priority.P1, Priority.P1, ReasonCodes.NotAnEscalation)]
    public void An_escalation_must_raise_the_priority(Priority from, Priority to, string? reason) =>
        TicketDecider.Decide(Ticket(T100Opened(from)), new EscalateTicket("T-100", to), Later).Reason.ShouldBe(reason);

    [Fact]
    public void Escalation_is_recorded_with_both_priorities()
    {
        var e = TicketDecider.Decide(Ticket(T100Opened()), new EscalateTicket("T-100", Priority.P1, "All users affected"), Later)
            .Events.Single().Event.ShouldBeOfType<TicketEscalated>();
        (e.From, e.To, e.Reason).ShouldBe((Priority.P2, Priority.P1, "All users affected"));
    }

    [Fact]
    public void Unknown_ticket()
    {
        TicketDecider.Decide(null, new EscalateTicket("T-404", Priority.P1), Later).Reason.ShouldBe(ReasonCodes.UnknownTicket);
        TicketDecider.Decide(null, new CloseTicket("T-404"), Later).Reason.ShouldBe(ReasonCodes.UnknownTicket);
    }

    [Fact]
    public void Closed_and_replaced_tickets_are_not_open()
    {
        var closed = Ticket(T100Opened(), new TicketClosed("T-100", "done", I("2026-03-02T14:30:00-05:00"), Journal));
        TicketDecider.Decide(closed, new EscalateTicket("T-100", Priority.P1), Later).Reason.ShouldBe(ReasonCodes.TicketNotOpen);
        TicketDecider.Decide(closed, new CloseTicket("T-100"), Later).Reason.ShouldBe(ReasonCodes.TicketNotOpen);
        var replaced = Ticket(T100Opened(), new TicketReplaced("T-100", "TT-100", I("2026-03-02T14:30:00-05:00"), Journal));
        TicketDecider.Decide(replaced, new CloseTicket("T-100"), Later).Reason.ShouldBe(ReasonCodes.TicketNotOpen);
    }
}
