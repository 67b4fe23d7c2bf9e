using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>R14: makes a weekday a holiday from now on in every figure determined after it is recorded.</summary>
public sealed record DeclareHoliday(LocalDate Date, string Name, string? Reason) : ICommand;

/// <summary>R14: makes a holiday (federal or declared) a business day again.</summary>
public sealed record WithdrawHoliday(LocalDate Date, string? Reason) : ICommand;
