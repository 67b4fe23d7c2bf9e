using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>Everything a statement is a pure function of, besides the calendar: no streams, no clock.</summary>
public sealed record StatementInputs(
    string AccountId,
    string Currency,
    RateSchedule Rates,
    IReadOnlyList<PrearrangedWindow> PrearrangedWindows,
    IReadOnlyList<ApprovedTroubleTicket> ApprovedTickets);

/// <summary>R4: a prearranged maintenance window and when it was recorded, so an approval counts only the windows known then (R13).</summary>
public sealed record PrearrangedWindow(Instant From, Instant To, Instant RecordedAt)
{
    public Interval Interval => new(From, To);
}
