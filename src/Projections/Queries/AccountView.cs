using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>docs/interfaces.md `account &lt;id&gt;`, extended with the rate schedule and prearranged windows.</summary>
public sealed record AccountView(
    string AccountId, string? Name, Plan Plan, decimal MonthlyRate, string Currency, LocalDate MaintenanceFrom, LocalDate MaintenanceTo,
    IReadOnlyList<string> Contacts, decimal RegisteredRate, IReadOnlyList<RateChange> RateChanges, IReadOnlyList<Interval> PrearrangedWindows)
{
    /// <summary>The account as of now: <paramref name="now"/> picks the rate in force this month (R5).</summary>
    public static async Task<AccountView?> LoadAsync(IQuerySession session, string accountId, Instant now, CancellationToken ct)
    {
        var loaded = (await StreamLoader.ReadAsync(session, [StreamRef.Account(accountId)], ct)).Single();
        if (loaded.State is not AccountState a)
        {
            return null;
        }
        return new AccountView(a.AccountId, a.Name, a.Plan, a.Rates.RateFor(PolicyTime.MonthOf(now)), a.Currency, a.MaintenanceFrom, a.MaintenanceTo,
            a.Contacts, a.Rates.RegisteredRate, a.Rates.Changes, a.PrearrangedWindows);
    }
}
