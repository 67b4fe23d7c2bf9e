using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// The statement read model of one account: the inputs every statement of the account is a pure function of
/// (rates, prearranged windows, approved trouble tickets) and the statements of the months those touch, each
/// computed with the calendar named in it. One document per account, so retroactive inputs (a rate change effective
/// in an earlier month, a window recorded after the fact) reach every month they affect without cross-document routing.
/// </summary>
public sealed class AccountStatements
{
    public string Id { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal RegisteredRate { get; set; }

    public List<RateChange> RateChanges { get; set; } = [];

    public List<Interval> PrearrangedWindows { get; set; } = [];

    public List<ApprovedTroubleTicket> ApprovedTickets { get; set; } = [];

    /// <summary>Statements keyed by month (YYYY-MM), for every month an approved trouble ticket touches.</summary>
    public SortedDictionary<string, MonthlyStatement> Months { get; set; } = new(StringComparer.Ordinal);

    public StatementInputs Inputs() =>
        new(Id, Currency, new RateSchedule(RegisteredRate, RateChanges), PrearrangedWindows, ApprovedTickets);

    /// <summary>A month's statement: the projected one, or for a month no approval touches, a zero statement.</summary>
    public MonthlyStatement StatementFor(YearMonth month, HolidayCalendar calendar) =>
        Months.TryGetValue(MonthKey(month), out var statement) ? statement : StatementCalculator.Compute(Inputs(), month, calendar);

    public void Recompute(IEnumerable<YearMonth> months, HolidayCalendar calendar)
    {
        var inputs = Inputs();
        foreach (var month in months.Distinct())
        {
            Months[MonthKey(month)] = StatementCalculator.Compute(inputs, month, calendar);
        }
    }

    public static string MonthKey(YearMonth month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
