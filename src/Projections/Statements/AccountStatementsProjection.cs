using JasperFx.Events;
using Marten.Events.Projections;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
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
        doc.Recompute(doc.Record(e.Data), _calendar);
        return doc;
    }
}
