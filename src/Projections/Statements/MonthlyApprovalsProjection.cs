using JasperFx.Events;
using Marten.Events.Projections;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>Files each approval under every (account, month) its statement reflects it in.</summary>
public sealed partial class MonthlyApprovalsProjection : MultiStreamProjection<MonthlyApprovals, string>
{
    public MonthlyApprovalsProjection()
    {
        Name = "MonthlyApprovals";
        Identities<CreditRequestApproved>(e => MonthlyApprovals.KeysOf(e.AccountId, e.ToApprovedTroubleTicket()).ToList());
        IncludeType<CreditRequestApproved>(); // see AccountTermsProjection
    }

    public override MonthlyApprovals Evolve(MonthlyApprovals? snapshot, string id, IEvent e)
    {
        var approved = (CreditRequestApproved)e.Data;
        var doc = snapshot ?? new MonthlyApprovals { Id = id, AccountId = approved.AccountId, Month = id[(id.LastIndexOf('/') + 1)..] };
        doc.Tickets.Add(approved.ToApprovedTroubleTicket());
        doc.EventsFolded++;
        return doc;
    }
}
