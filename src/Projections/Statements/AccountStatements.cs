using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Domain.TroubleTickets;

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

    /// <summary>The event types a statement is a function of; anything else leaves every statement as it is.</summary>
    public static readonly IReadOnlyList<Type> InputEvents =
        [typeof(AccountRegistered), typeof(MonthlyRateChanged), typeof(MaintenanceWindowScheduled), typeof(CreditRequestApproved)];

    /// <summary>The account whose statements an event of <see cref="InputEvents"/> is an input of, or null for any other event.</summary>
    public static string? AccountOf(object data) => data switch
    {
        AccountRegistered e => e.AccountId,
        MonthlyRateChanged e => e.AccountId,
        MaintenanceWindowScheduled e => e.AccountId,
        CreditRequestApproved e => e.AccountId,
        _ => null,
    };

    /// <summary>Takes one input event in and says which projected months it changes (to be recomputed).</summary>
    public IReadOnlyCollection<YearMonth> Record(object data)
    {
        switch (data)
        {
            case AccountRegistered registered:
                Currency = registered.Currency;
                RegisteredRate = registered.MonthlyRate;
                return [];
            case MonthlyRateChanged changed:
                RateChanges.Add(new RateChange(changed.EffectiveMonth, changed.MonthlyRate, changed.At));
                // R5: a change effective in an earlier month reaches every statement from that month on.
                return Months.Keys.Select(ParseMonth).Where(m => m >= changed.EffectiveMonth).ToList();
            case MaintenanceWindowScheduled window:
                PrearrangedWindows.Add(new Interval(window.From, window.To));
                var touched = PolicyTime.MonthsTouched(new Interval(window.From, window.To)).Select(MonthKey).ToHashSet();
                return Months.Keys.Where(touched.Contains).Select(ParseMonth).ToList();
            case CreditRequestApproved approved:
                var ticket = approved.ToApprovedTroubleTicket();
                ApprovedTickets.Add(ticket);
                return ticket.MonthsTouched().ToList();
            default:
                return [];
        }
    }

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

    private static YearMonth ParseMonth(string key) => YearMonthPattern.Iso.Parse(key).Value;

    public static string MonthKey(YearMonth month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
