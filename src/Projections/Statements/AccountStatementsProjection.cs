using JasperFx.Events;
using Marten.Events.Projections;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>Folds account and approval events into <see cref="AccountStatements"/>, the inputs of every statement.</summary>
public sealed partial class AccountStatementsProjection : MultiStreamProjection<AccountStatements, string>
{
    public AccountStatementsProjection()
    {
        Name = "AccountStatements";
        Identity<AccountRegistered>(e => e.AccountId);
        Identity<MonthlyRateChanged>(e => e.AccountId);
        Identity<MaintenanceWindowScheduled>(e => e.AccountId);
        Identity<CreditRequestApproved>(e => e.AccountId);
    }

    public override AccountStatements Evolve(AccountStatements? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new AccountStatements { Id = id };
        doc.Record(e.Data);
        return doc;
    }
}
