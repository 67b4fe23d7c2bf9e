using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Accounts;

/// <summary>R5: decisions on account streams.</summary>
public static class AccountDecider
{
    public static Decision Decide(AccountState? state, RegisterAccount c, CommandContext ctx) =>
        state is not null
            ? Decision.Reject(ReasonCodes.DuplicateId)
            : Accept(c.AccountId, new AccountRegistered(c.AccountId, c.Name, c.Plan, c.MonthlyRate, c.Currency,
                c.MaintenanceFrom, c.MaintenanceTo, ctx.At, ctx.By));

    /// <summary>Authorizing a contact already authorized is accepted and records nothing: the outcome is the same.</summary>
    public static Decision Decide(AccountState? state, AuthorizeContact c, CommandContext ctx) => state switch
    {
        null => Decision.Reject(ReasonCodes.UnknownAccount),
        _ when ctx.At < state.RegisteredAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ when state.IsAuthorized(c.ContactId) => Decision.Accept(),
        _ => Accept(c.AccountId, new ContactAuthorized(c.AccountId, c.ContactId, ctx.At, ctx.By)),
    };

    public static Decision Decide(AccountState? state, RevokeContact c, CommandContext ctx) => state switch
    {
        null => Decision.Reject(ReasonCodes.UnknownAccount),
        _ when ctx.At < state.RegisteredAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ when !state.IsAuthorized(c.ContactId) => Decision.Reject(ReasonCodes.ContactNotAuthorized),
        _ => Accept(c.AccountId, new ContactRevoked(c.AccountId, c.ContactId, ctx.At, ctx.By)),
    };

    public static Decision Decide(AccountState? state, ChangeMonthlyRate c, CommandContext ctx) => state switch
    {
        null => Decision.Reject(ReasonCodes.UnknownAccount),
        _ when ctx.At < state.RegisteredAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ => Accept(c.AccountId, new MonthlyRateChanged(c.AccountId, c.MonthlyRate, c.EffectiveMonth, ctx.At, ctx.By)),
    };

    public static Decision Decide(AccountState? state, RenewMaintenance c, CommandContext ctx) => state switch
    {
        null => Decision.Reject(ReasonCodes.UnknownAccount),
        _ when ctx.At < state.RegisteredAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ when c.MaintenanceTo < state.MaintenanceFrom => Decision.Reject(ReasonCodes.InvalidAgreement),
        _ => Accept(c.AccountId, new MaintenanceRenewed(c.AccountId, state.MaintenanceTo, c.MaintenanceTo, ctx.At, ctx.By)),
    };

    public static Decision Decide(AccountState? state, ScheduleMaintenanceWindow c, CommandContext ctx) => state switch
    {
        null => Decision.Reject(ReasonCodes.UnknownAccount),
        _ when ctx.At < state.RegisteredAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ => Accept(c.AccountId, new MaintenanceWindowScheduled(c.AccountId, c.From, c.To, ctx.At, ctx.By)),
    };

    private static Decision Accept(string accountId, object e) => Decision.Accept(new Emitted(StreamRef.Account(accountId), e));
}
