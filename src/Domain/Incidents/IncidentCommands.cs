using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Incidents;

/// <summary>R15: a platform incident, affecting the listed accounts or, when <see cref="Accounts"/> is null, every account.</summary>
public sealed record DeclareIncident(string IncidentId, string Title, string Impact, IReadOnlyList<string>? Accounts, Instant StartedAt) : ICommand
{
    public IEnumerable<FieldError> Validate()
    {
        if (Accounts is { Count: 0 })
        {
            yield return new FieldError("accounts", "list at least one account, or leave accounts out for every account");
        }
        if (Accounts is not null && Accounts.Distinct(StringComparer.Ordinal).Count() != Accounts.Count)
        {
            yield return new FieldError("accounts", "names an account twice");
        }
    }
}

public sealed record UpdateIncident(string IncidentId, string Status) : ICommand;

public sealed record ResolveIncident(string IncidentId, string Summary) : ICommand;

/// <summary>R15: one Outage trouble ticket per affected account, linked to the incident, in one step.</summary>
public sealed record OpenIncidentTroubleTickets(string IncidentId) : ICommand;
