using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>Everything a statement is a pure function of, besides the calendar: no streams, no clock.</summary>
public sealed record StatementInputs(
    string AccountId,
    string Currency,
    RateSchedule Rates,
    IReadOnlyList<Interval> PrearrangedWindows,
    IReadOnlyList<ApprovedTroubleTicket> ApprovedTickets);
