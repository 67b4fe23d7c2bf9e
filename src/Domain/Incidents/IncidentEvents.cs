using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Incidents;

/// <summary>R15: <see cref="Accounts"/> null means every account.</summary>
public sealed record IncidentDeclared(string IncidentId, string Title, string Impact, IReadOnlyList<string>? Accounts, Instant StartedAt,
    Instant At, Actor By) : IDomainEvent;

public sealed record IncidentUpdated(string IncidentId, string Status, Instant At, Actor By) : IDomainEvent;

public sealed record IncidentResolved(string IncidentId, string Summary, Instant At, Actor By) : IDomainEvent;

/// <summary>R15: the trouble tickets opened from the incident, one per affected account registered at that instant.</summary>
public sealed record IncidentTroubleTicketsOpened(string IncidentId, IReadOnlyList<IncidentTroubleTicket> TroubleTickets, Instant At, Actor By) : IDomainEvent;

public sealed record IncidentTroubleTicket(string AccountId, string TroubleTicketId);
