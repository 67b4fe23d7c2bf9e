using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// Folds account and approval events into <see cref="AccountStatements"/>, recomputing only the months an event
/// affects. The calendar comes from configuration; a rebuild under another calendar recomputes every month and
/// stamps the new calendar identity on it.
/// </summary>
public sealed partial class AccountStatementsProjection : MultiStreamProjection<AccountStatements, string>
{
    private readonly HolidayCalendar _calendar;

    public AccountStatementsProjection(HolidayCalendar calendar)
    {
        _calendar = calendar;
        Name = "AccountStatements";
        Identity<AccountRegistered>(e => e.AccountId);
        Identity<MonthlyRateChanged>(e => e.AccountId);
        Identity<MaintenanceWindowScheduled>(e => e.AccountId);
        Identity<CreditRequestApproved>(e => e.AccountId);
    }

    public override AccountStatements Evolve(AccountStatements? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new AccountStatements { Id = id };
        switch (e.Data)
        {
            case AccountRegistered registered:
                doc.Currency = registered.Currency;
                doc.RegisteredRate = registered.MonthlyRate;
                break;
            case MonthlyRateChanged changed:
                doc.RateChanges.Add(new Domain.Sla.RateChange(changed.EffectiveMonth, changed.MonthlyRate, changed.At));
                // R5: a change effective in an earlier month reaches every statement from that month on.
                doc.Recompute(doc.Months.Keys.Select(ParseMonth).Where(m => m >= changed.EffectiveMonth).ToList(), _calendar);
                break;
            case MaintenanceWindowScheduled window:
                doc.PrearrangedWindows.Add(new NodaTime.Interval(window.From, window.To));
                var touched = PolicyTime.MonthsTouched(new NodaTime.Interval(window.From, window.To)).Select(AccountStatements.MonthKey).ToHashSet();
                doc.Recompute(doc.Months.Keys.Where(touched.Contains).Select(ParseMonth).ToList(), _calendar);
                break;
            case CreditRequestApproved approved:
                var ticket = approved.ToApprovedTroubleTicket();
                doc.ApprovedTickets.Add(ticket);
                doc.Recompute(ticket.MonthsTouched(), _calendar);
                break;
        }
        return doc;
    }

    private static NodaTime.YearMonth ParseMonth(string key) => YearMonthPattern.Iso.Parse(key).Value;
}
