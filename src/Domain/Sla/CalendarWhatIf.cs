using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>One month whose total a proposed calendar change would alter (R14's what-if).</summary>
public sealed record MonthDifference(YearMonth Month, decimal CurrentTotal, decimal ProposedTotal)
{
    public decimal Difference => ProposedTotal - CurrentTotal;
}

/// <summary>
/// R14: what a proposed calendar change would do to an account's statements, computed as recording it would: the
/// difference in each month's total is the correction the change would add.
/// </summary>
public static class CalendarWhatIf
{
    public static IReadOnlyList<MonthDifference> Differences(StatementInputs inputs, CalendarHistory current, CalendarHistory proposed, LocalDate date)
    {
        var months = new SortedSet<YearMonth>();
        foreach (var t in inputs.ApprovedTickets)
        {
            var last = Mttr.LastPassedDay(t.ResolvedAt);
            if (date < PolicyTime.LocalDateOf(t.MttrAnchor) || date > last.PlusDays(1))
            {
                continue; // R9's overdue days of this ticket never reach the date
            }
            // The date itself, or the day that becomes (or stops being) the first overdue one after it.
            months.Add(date.ToYearMonth());
            months.Add(current.Current.NextBusinessDay(date).ToYearMonth());
            months.Add(proposed.Current.NextBusinessDay(date).ToYearMonth());
        }
        var differences = new List<MonthDifference>();
        foreach (var month in months)
        {
            var now = StatementCalculator.Compute(inputs, month, current).TotalCredit;
            var then = StatementCalculator.Compute(inputs, month, proposed).TotalCredit;
            if (now != then)
            {
                differences.Add(new MonthDifference(month, now, then));
            }
        }
        return differences;
    }
}
