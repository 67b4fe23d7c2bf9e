using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Domain.TroubleTickets;

public sealed record OpenTroubleTicket(string TroubleTicketId, string ReplacesTicketId, TroubleTicketKind Kind) : ICommand;

public sealed record AssignTroubleTicket(string TroubleTicketId, string AgentId) : ICommand;

public sealed record ResolveTroubleTicket(string TroubleTicketId, RootCause RootCause) : ICommand;

public sealed record CloseTroubleTicket(string TroubleTicketId, RootCause? RootCause = null) : ICommand;

/// <summary>R12. Without a request id, the ticket's n-th request is named "{troubleTicketId}/request-{n}".</summary>
public sealed record RequestCredit(string TroubleTicketId, string ContactId, string? RequestId = null) : ICommand;
