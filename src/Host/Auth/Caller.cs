using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>The authenticated caller of a request: a role, and for customers the account and contact it acts as.</summary>
public sealed record Caller(string Name, Role Role, string? AccountId, string? ContactId)
{
    public const string ItemKey = "spiisee.caller";
    public const string AccountClaim = "spiisee:account";

    public bool IsCustomer => Role == Role.Customer;

    /// <summary>A customer sees only its own account; for anything else the answer is "not found".</summary>
    public bool CanSeeAccount(string accountId) => Role != Role.Customer || string.Equals(AccountId, accountId, StringComparison.Ordinal);

    public Actor Actor => Role == Role.Customer ? Actor.Contact(ContactId!) : Actor.System($"{Role}:{Name}");
}
