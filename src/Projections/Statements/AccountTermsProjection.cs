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
        // Routing alone does not tell the daemon which events to read: without these a rebuild reads and deserializes
        // every event of the store to fold a few per account.
        IncludeType<AccountRegistered>();
        IncludeType<MonthlyRateChanged>();
        IncludeType<MaintenanceWindowScheduled>();
    }

    public override AccountTerms Evolve(AccountTerms? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new AccountTerms { Id = id };
        doc.Record(e.Data);
        doc.EventsFolded++;
        return doc;
    }
}
