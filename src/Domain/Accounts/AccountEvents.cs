using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Accounts;

public sealed record AccountRegistered(
    string AccountId, string? Name, Plan Plan, decimal MonthlyRate, string Currency,
    LocalDate MaintenanceFrom, LocalDate MaintenanceTo, Instant At, Actor By) : IDomainEvent;

public sealed record ContactAuthorized(string AccountId, string ContactId, Instant At, Actor By) : IDomainEvent;

public sealed record ContactRevoked(string AccountId, string ContactId, Instant At, Actor By) : IDomainEvent;

public sealed record MonthlyRateChanged(string AccountId, decimal MonthlyRate, YearMonth EffectiveMonth, Instant At, Actor By) : IDomainEvent;

public sealed record MaintenanceRenewed(string AccountId, LocalDate PreviousTo, LocalDate MaintenanceTo, Instant At, Actor By) : IDomainEvent;

public sealed record MaintenanceWindowScheduled(string AccountId, Instant From, Instant To, Instant At, Actor By) : IDomainEvent;

/// <summary>R9: the agreement moved by one month because an approved credit request had overdue days.</summary>
public sealed record MaintenanceExtended(
    string AccountId, LocalDate PreviousTo, LocalDate MaintenanceTo, string TroubleTicketId, string RequestId,
    long OverdueDays, Instant At, Actor By) : IDomainEvent;
