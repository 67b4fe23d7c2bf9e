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
        // R9's overdue days of a ticket reach the date only from its MTTR anchor's date to the day after its last passed day.
        if (!inputs.ApprovedTickets.Any(t => date >= PolicyTime.LocalDateOf(t.MttrAnchor) && date <= Mttr.LastPassedDay(t.ResolvedAt).PlusDays(1)))
        {
            return [];
        }
        // The date itself, or the day that becomes (or stops being) the first overdue one after it.
        var months = new SortedSet<YearMonth>
        {
            date.ToYearMonth(),
            current.Current.NextBusinessDay(date).ToYearMonth(),
            proposed.Current.NextBusinessDay(date).ToYearMonth(),
        };
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
