using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>The events a statement is a function of besides the calendar; anything else leaves every statement as it is.</summary>
public static class StatementInputEvents
{
    public static readonly IReadOnlyList<Type> Types =
        [typeof(AccountRegistered), typeof(MonthlyRateChanged), typeof(MaintenanceWindowScheduled), typeof(CreditRequestApproved)];

    /// <summary>The account whose statements an event of <see cref="Types"/> is an input of, or null for any other event.</summary>
    public static string? AccountOf(object data) => data switch
    {
        AccountRegistered e => e.AccountId,
        MonthlyRateChanged e => e.AccountId,
        MaintenanceWindowScheduled e => e.AccountId,
        CreditRequestApproved e => e.AccountId,
        _ => null,
    };
}
