using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Tickets;

public sealed record TicketOpened(
    string TicketId, string AccountId, string ContactId, string Channel, Priority Priority, string Category,
    string ReleaseStage, bool Customized, string Language, string? Summary, Instant At, Actor By, string? IncidentId = null) : IDomainEvent;

/// <summary>R6 4-8: opened, kept on record, and declined at once with the reason.</summary>
public sealed record TicketDeclined(string TicketId, string AccountId, string Reason, bool ReferredToPartnerNetwork, Instant At, Actor By) : IDomainEvent;

public sealed record TicketEscalated(string TicketId, Priority From, Priority To, string? Reason, Instant At, Actor By) : IDomainEvent;

public sealed record TicketClosed(string TicketId, string? Resolution, Instant At, Actor By) : IDomainEvent;

/// <summary>R8: closed as replaced by a trouble ticket, in the same step that opened it.</summary>
public sealed record TicketReplaced(string TicketId, string TroubleTicketId, Instant At, Actor By) : IDomainEvent;
