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
    public static IReadOnlyList<MonthDifference> Differences(StatementInputs inputs, CalendarHistory current, CalendarHistory proposed, LocalDate date) =>
        MonthsReached(current, proposed, date).Select(m => Difference(inputs, m, current, proposed, date)).OfType<MonthDifference>().ToList();

    /// <summary>The months whose statements the change of a date can alter: its own, or that of the day that becomes (or stops being) the first overdue one after it.</summary>
    public static IReadOnlyList<YearMonth> MonthsReached(CalendarHistory current, CalendarHistory proposed, LocalDate date) =>
        new SortedSet<YearMonth>
        {
            date.ToYearMonth(),
            current.Current.NextBusinessDay(date).ToYearMonth(),
            proposed.Current.NextBusinessDay(date).ToYearMonth(),
        }.ToList();

    /// <summary>One month's difference, or null when its total stays as it is.</summary>
    public static MonthDifference? Difference(StatementInputs inputs, YearMonth month, CalendarHistory current, CalendarHistory proposed, LocalDate date)
    {
        // R9's overdue days of a ticket reach the date only from its MTTR anchor's date to the day after its last passed day.
        if (!inputs.ApprovedTickets.Any(t => date >= PolicyTime.LocalDateOf(t.MttrAnchor) && date <= Mttr.LastPassedDay(t.ResolvedAt).PlusDays(1)))
        {
            return null;
        }
        var now = StatementCalculator.Compute(inputs, month, current).TotalCredit;
        var then = StatementCalculator.Compute(inputs, month, proposed).TotalCredit;
        return now == then ? null : new MonthDifference(month, now, then);
    }
}
