using NodaTime;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Domain.Accounts;

public sealed record AccountState(
    string AccountId,
    string? Name,
    Plan Plan,
    string Currency,
    RateSchedule Rates,
    LocalDate MaintenanceFrom,
    LocalDate MaintenanceTo,
    IReadOnlyList<string> Contacts,
    IReadOnlyList<Interval> PrearrangedWindows,
    Instant RegisteredAt = default)
{
    public bool IsAuthorized(string contactId) => Contacts.Contains(contactId, StringComparer.Ordinal);

    public static AccountState? Evolve(AccountState? state, object @event) => (state, @event) switch
    {
        (null, AccountRegistered e) => new AccountState(e.AccountId, e.Name, e.Plan, e.Currency,
            new RateSchedule(e.MonthlyRate, []), e.MaintenanceFrom, e.MaintenanceTo, [], [], e.At),
        (not null, ContactAuthorized e) => state with { Contacts = [.. state.Contacts, e.ContactId] },
        (not null, ContactRevoked e) => state with { Contacts = state.Contacts.Where(c => c != e.ContactId).ToArray() },
        (not null, MonthlyRateChanged e) => state with
        {
            Rates = state.Rates with { Changes = [.. state.Rates.Changes, new RateChange(e.EffectiveMonth, e.MonthlyRate, e.At)] },
        },
        (not null, MaintenanceRenewed e) => state with { MaintenanceTo = e.MaintenanceTo },
        (not null, MaintenanceExtended e) => state with { MaintenanceTo = e.MaintenanceTo },
        (not null, MaintenanceWindowScheduled e) => state with { PrearrangedWindows = [.. state.PrearrangedWindows, new Interval(e.From, e.To)] },
        _ => state,
    };
}
