using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Tickets;

/// <summary>
/// R6. Channel, category and release stage stay strings: an unknown value is a policy outcome
/// (UnofficialChannel, NotCovered, UnsupportedRelease), not malformed input.
/// </summary>
public sealed record OpenTicket(
    string TicketId, string AccountId, string ContactId, string Channel, Priority Priority, string Category,
    string ReleaseStage, bool Customized = false, string? Language = null, string? Summary = null, string? IncidentId = null) : ICommand;

public sealed record EscalateTicket(string TicketId, Priority Priority, string? Reason = null) : ICommand;

public sealed record CloseTicket(string TicketId, string? Resolution = null) : ICommand;
