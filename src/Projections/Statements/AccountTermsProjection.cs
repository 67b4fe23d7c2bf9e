using JasperFx.Events;
using Marten.Events.Projections;
using Spiisee.EventSourced.Domain.Accounts;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>Folds an account's registration, rate changes and windows into its <see cref="AccountTerms"/>.</summary>
public sealed partial class AccountTermsProjection : MultiStreamProjection<AccountTerms, string>
{
    public AccountTermsProjection()
    {
        Name = "AccountTerms";
        Identity<AccountRegistered>(e => e.AccountId);
        Identity<MonthlyRateChanged>(e => e.AccountId);
        Identity<MaintenanceWindowScheduled>(e => e.AccountId);
    }

    public override AccountTerms Evolve(AccountTerms? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new AccountTerms { Id = id };
        doc.Record(e.Data);
        return doc;
    }
}
