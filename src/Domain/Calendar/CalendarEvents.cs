using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>R14: a weekday declared a holiday; <see cref="IDomainEvent.At"/> is when it was recorded, not the date it concerns.</summary>
public sealed record HolidayDeclared(LocalDate Date, string Name, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>R14: a holiday withdrawn, so its date is a business day again.</summary>
public sealed record HolidayWithdrawn(LocalDate Date, string? Reason, Instant At, Actor By) : IDomainEvent;
