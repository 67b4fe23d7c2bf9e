using System.Globalization;
using System.Text;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Formats;

/// <summary>A statement as a readable table, the same for `statement --format table` and `?format=table`.</summary>
public static class StatementTable
{
    public static string Format(StatementView s)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(c, $"Statement {s.AccountId} {s.Month} ({s.Currency}, rate {s.MonthlyRate:0.00})");
        b.AppendLine(c, $"  minutes in month        {s.MinutesInMonth,14}");
        b.AppendLine(c, $"  downtime minutes        {s.DowntimeMinutes,14:0.00}");
        b.AppendLine(c, $"  availability %          {s.AvailabilityPercent,14:0.0000}");
        b.AppendLine(c, $"  8-hour increments       {s.AvailabilityIncrements,14}");
        b.AppendLine(c, $"  availability credit     {s.AvailabilityCredit,14:0.00}{(s.Derivation.AvailabilityCreditCapped ? "  (capped at 50%)" : "")}");
        b.AppendLine(c, $"  overdue business days   {s.OverdueBusinessDays,14}");
        b.AppendLine(c, $"  MTTR credit             {s.MttrCredit,14:0.00}{(s.Derivation.MttrCreditCapped ? "  (capped at 50%)" : "")}");
        b.AppendLine(c, $"  total credit            {s.TotalCredit,14:0.00}");
        foreach (var t in s.TroubleTickets)
        {
            b.AppendLine(c, $"  {t.TroubleTicketId}: {t.Kind}, {t.RootCause}, downtime {t.DowntimeMinutes:0.00} min, overdue [{string.Join(", ", t.OverdueDays.Select(d => d.ToString("yyyy-MM-dd", c)))}], target day {t.TargetDay.ToString("yyyy-MM-dd", c)}, approved {t.RequestApprovedAt}");
        }
        if (s.Issued is { } issued)
        {
            b.AppendLine(c, $"  as issued {issued.IssuedAt} under calendar version {issued.CalendarVersion}: total {issued.TotalCredit:0.00}, {issued.OverdueBusinessDays} overdue day(s), availability credit {issued.AvailabilityCredit:0.00}, MTTR credit {issued.MttrCredit:0.00}");
            foreach (var change in issued.ChangedBy)
            {
                b.AppendLine(c, $"    changed by calendar version {change.Version}: {change.Kind} {change.Date.ToString("yyyy-MM-dd", c)} by {change.By} at {change.At}{(change.Reason is null ? "" : $" ({change.Reason})")}");
            }
        }
        foreach (var l in s.Ledger)
        {
            if (l.CalendarChange is { } change)
            {
                b.AppendLine(c, $"  ledger: correction {l.Amount:0.00} on the {l.InvoiceMonth} invoice, for calendar version {change.Version} ({change.Kind} {change.Date.ToString("yyyy-MM-dd", c)}, recorded {change.At})");
            }
            else
            {
                b.AppendLine(c, $"  ledger: {l.TroubleTicketId} {l.Amount:0.00} on the {l.InvoiceMonth} invoice");
            }
        }
        b.Append(c, $"  calendar version {s.CalendarVersion}: {s.Calendar}");
        return b.ToString();
    }
}
