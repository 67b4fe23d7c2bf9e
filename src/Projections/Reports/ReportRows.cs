using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;

namespace Spiisee.EventSourced.Projections.Reports;

/// <summary>Availability per account and month (R10, R13).</summary>
public sealed record AvailabilityRow(string AccountId, string Month, long MinutesInMonth, decimal DowntimeMinutes, decimal AvailabilityPercent,
    bool BelowNinetyPercent, string Calendar);

/// <summary>
/// Credits per account and month (R13), with the invoices they go to: one month per ledger line's invoice, in approval
/// order, without repeats; an empty list when nothing is owed (JSON shows a list; CSV joins it with spaces).
/// </summary>
public sealed record CreditRow(string AccountId, string Month, string Currency, decimal MonthlyRate, long AvailabilityIncrements, decimal AvailabilityCredit,
    long OverdueBusinessDays, decimal MttrCredit, decimal TotalCredit, IReadOnlyList<string> InvoiceMonths, string Calendar);

/// <summary>MTTR in business days by month of resolution and priority (R9), over every resolved trouble ticket.</summary>
public sealed record MttrRow(string Month, Priority Priority, int TroubleTickets, decimal MeanBusinessDays, decimal MedianBusinessDays,
    decimal MaxBusinessDays, long OverdueBusinessDays, string Calendar);

/// <summary>Recorded credit requests by month of request, decision and reason (R12).</summary>
public sealed record CreditRequestRow(string Month, string Decision, string Reason, int Requests);

public static class ReportNames
{
    public const string Availability = "availability";
    public const string Credits = "credits";
    public const string Mttr = "mttr";
    public const string CreditRequests = "credit-requests";

    public static readonly IReadOnlyList<string> All = [Availability, Credits, Mttr, CreditRequests];
}
