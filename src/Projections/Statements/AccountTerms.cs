using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// The terms every statement of one account is computed under: currency, rates and prearranged windows. Small and
/// bounded by the account's contract, not by its trouble tickets, which live in <see cref="MonthlyApprovals"/>.
/// </summary>
public sealed class AccountTerms
{
    public string Id { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal RegisteredRate { get; set; }

    public List<RateChange> RateChanges { get; set; } = [];

    public List<PrearrangedWindow> PrearrangedWindows { get; set; } = [];

    /// <summary>
    /// How many events have been folded in: the document's content is a function of it (events reach an account's
    /// documents one writer at a time, in stored order), so a statement computed at one count is the statement at that
    /// count on any host. Stored in a column of its own (<see cref="StatementStamp"/>) to be read without the body.
    /// </summary>
    public long EventsFolded { get; set; }

    /// <summary>Takes one account event in.</summary>
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
                PrearrangedWindows.Add(new PrearrangedWindow(window.From, window.To, window.At));
                break;
        }
    }

    /// <summary>A month's statement inputs: these terms and the trouble tickets approved for that month.</summary>
    public StatementInputs InputsWith(IReadOnlyList<ApprovedTroubleTicket> approved) =>
        new(Id, Currency, new RateSchedule(RegisteredRate, RateChanges), PrearrangedWindows, approved);

    /// <summary>A month's statement under the calendar as recorded (R13, R14); a month no approval touches owes nothing.</summary>
    public MonthlyStatement StatementFor(YearMonth month, MonthlyApprovals? approvals, Domain.Calendar.CalendarHistory calendar) =>
        StatementCalculator.Compute(InputsWith(approvals?.Tickets ?? []), month, calendar);
}
