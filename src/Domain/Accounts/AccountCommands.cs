using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Accounts;

public sealed record RegisterAccount(
    string AccountId, string? Name, Plan Plan, decimal MonthlyRate, string Currency,
    LocalDate MaintenanceFrom, LocalDate MaintenanceTo) : ICommand
{
    public IEnumerable<FieldError> Validate()
    {
        if (MonthlyRate <= 0m)
        {
            yield return new FieldError("monthlyRate", "must be greater than 0 (R5)");
        }
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            yield return new FieldError("currency", "must be an ISO 4217 code of three capital letters");
        }
        if (MaintenanceTo < MaintenanceFrom)
        {
            yield return new FieldError("maintenanceTo", "must not be before maintenanceFrom");
        }
    }
}

public sealed record AuthorizeContact(string AccountId, string ContactId) : ICommand;

public sealed record RevokeContact(string AccountId, string ContactId) : ICommand;

public sealed record ChangeMonthlyRate(string AccountId, decimal MonthlyRate, YearMonth EffectiveMonth) : ICommand
{
    public IEnumerable<FieldError> Validate()
    {
        if (MonthlyRate <= 0m)
        {
            yield return new FieldError("monthlyRate", "must be greater than 0 (R5)");
        }
    }
}

public sealed record RenewMaintenance(string AccountId, LocalDate MaintenanceTo) : ICommand;

public sealed record ScheduleMaintenanceWindow(string AccountId, Instant From, Instant To) : ICommand
{
    public IEnumerable<FieldError> Validate()
    {
        if (To <= From)
        {
            yield return new FieldError("to", "must be after from");
        }
    }
}
