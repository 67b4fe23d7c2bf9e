using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// The statement inputs of one account: everything its statements are a pure function of besides the calendar (rates,
/// prearranged windows, approved trouble tickets). One document per account, so retroactive inputs (a rate change
/// effective in an earlier month, a window recorded after the fact) reach every month they affect without routing.
/// Figures are determined when asked, with the calendar as recorded (R14): a calendar change then rewrites no document,
/// and a month's ledger can show what was issued beside what is owed now.
/// </summary>
public sealed class AccountStatements
{
    public string Id { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal RegisteredRate { get; set; }

    public List<RateChange> RateChanges { get; set; } = [];

    public List<Interval> PrearrangedWindows { get; set; } = [];

    public List<ApprovedTroubleTicket> ApprovedTickets { get; set; } = [];

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

    /// <summary>Takes one input event in.</summary>
    public void Record(object data)
    {
        switch (data)
        {
            case AccountRegistered registered:
                Currency = registered.Currency;
                RegisteredRate = registered.MonthlyRate;
                break;
            case MonthlyRateChanged changed:
                // R5: a change effective in an earlier month reaches every statement from that month on.
                RateChanges.Add(new RateChange(changed.EffectiveMonth, changed.MonthlyRate, changed.At));
                break;
            case MaintenanceWindowScheduled window:
                PrearrangedWindows.Add(new Interval(window.From, window.To));
                break;
            case CreditRequestApproved approved:
                ApprovedTickets.Add(approved.ToApprovedTroubleTicket());
                break;
        }
    }

    public StatementInputs Inputs() =>
        new(Id, Currency, new RateSchedule(RegisteredRate, RateChanges), PrearrangedWindows, ApprovedTickets);

    /// <summary>A month's statement under the calendar as recorded (R13, R14); a month no approval touches owes nothing.</summary>
    public MonthlyStatement StatementFor(YearMonth month, CalendarHistory calendar) => StatementCalculator.Compute(Inputs(), month, calendar);

    public static string MonthKey(YearMonth month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
