using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R13: the statement of an account for a month, with the derivation an auditor needs to check it.</summary>
public sealed record MonthlyStatement(
    string AccountId,
    YearMonth Month,
    string Currency,
    decimal MonthlyRate,
    long MinutesInMonth,
    decimal DowntimeMinutes,
    long DowntimeSeconds,
    decimal AvailabilityPercent,
    bool AvailabilityBelowNinetyPercent,
    long AvailabilityIncrements,
    decimal AvailabilityCredit,
    bool AvailabilityCreditCapped,
    long OverdueBusinessDays,
    decimal MttrCredit,
    bool MttrCreditCapped,
    decimal CreditCap,
    decimal TotalCredit,
    IReadOnlyList<StatementTroubleTicket> TroubleTickets,
    IReadOnlyList<LedgerLine> Ledger,
    IReadOnlyList<Interval> DowntimeIntervals,
    string Calendar);

/// <summary>One approved trouble ticket's part in a month: what was counted, what was carved out, and why.</summary>
public sealed record StatementTroubleTicket(
    string TroubleTicketId,
    string RequestId,
    TroubleTicketKind Kind,
    RootCause RootCause,
    Instant OpenedAt,
    Instant ClosedAt,
    Instant MttrAnchor,
    LocalDate TargetDay,
    Instant ResolvedAt,
    decimal DowntimeMinutes,
    IReadOnlyList<Interval> CountedIntervals,
    IReadOnlyList<Interval> CarvedOutIntervals,
    IReadOnlyList<LocalDate> OverdueDays,
    decimal MttrBusinessHours,
    decimal MttrBusinessDays,
    Instant RequestApprovedAt);

/// <summary>R13: a change to a statement caused by one approval, and the invoice it is applied to.</summary>
public sealed record LedgerLine(string TroubleTicketId, string RequestId, Instant ApprovedAt, decimal Amount, YearMonth InvoiceMonth);
