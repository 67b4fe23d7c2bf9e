using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;

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
    string Calendar,
    long CalendarVersion,
    IssuedFigures? Issued);

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

public enum LedgerLineKind
{
    Credit,
    Correction,
}

/// <summary>
/// R13/R14: a change to a month's total and the invoice it is applied to: a <see cref="LedgerLineKind.Credit"/> made by
/// an approval, or a <see cref="LedgerLineKind.Correction"/> made by a calendar change or a rate change recorded after
/// the month was issued. <see cref="At"/> is when it was determined: the approval's or the change's instant.
/// </summary>
public sealed record LedgerLine(
    LedgerLineKind Kind, string? TroubleTicketId, string? RequestId, Instant At, decimal Amount, YearMonth InvoiceMonth, CalendarChange? Change,
    RateChange? RateChange = null, PrearrangedWindow? Window = null)
{
    public static LedgerLine Credit(string troubleTicketId, string requestId, Instant approvedAt, decimal amount) =>
        new(LedgerLineKind.Credit, troubleTicketId, requestId, approvedAt, amount, Time.PolicyTime.MonthOf(approvedAt).PlusMonths(1), null);

    /// <summary>R14: on the invoice of the month after the local month in which the change was recorded.</summary>
    public static LedgerLine Correction(CalendarChange change, decimal amount) =>
        new(LedgerLineKind.Correction, null, null, change.At, amount, Time.PolicyTime.MonthOf(change.At).PlusMonths(1), change);

    /// <summary>R5, R13: a rate change recorded after the month was issued corrects it on the next invoice, like a calendar change.</summary>
    public static LedgerLine Correction(RateChange change, decimal amount) =>
        new(LedgerLineKind.Correction, null, null, change.RecordedAt, amount, Time.PolicyTime.MonthOf(change.RecordedAt).PlusMonths(1), null, change);

    /// <summary>R4, R13: so does a prearranged window recorded after the month was issued.</summary>
    public static LedgerLine Correction(PrearrangedWindow window, decimal amount) =>
        new(LedgerLineKind.Correction, null, null, window.RecordedAt, amount, Time.PolicyTime.MonthOf(window.RecordedAt).PlusMonths(1), null, null, window);
}

/// <summary>
/// R14: a month's figures as last issued (by the last approval that changed its total), shown beside the current
/// figures when calendar changes recorded since then give different ones, with those changes.
/// </summary>
public sealed record IssuedFigures(
    Instant IssuedAt,
    long CalendarVersion,
    string Calendar,
    decimal DowntimeMinutes,
    decimal AvailabilityPercent,
    long AvailabilityIncrements,
    decimal AvailabilityCredit,
    long OverdueBusinessDays,
    decimal MttrCredit,
    decimal TotalCredit,
    IReadOnlyList<CalendarChange> ChangedBy);
