using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;

namespace Spiisee.EventSourced.Projections.Incidents;

/// <summary>An incident as the back office, auditors and the affected customers read it (R15): what, whom, and its timeline.</summary>
public sealed class IncidentFile
{
    /// <summary>The stream key (<c>incident/&lt;id&gt;</c>).</summary>
    public string Id { get; set; } = "";

    public string IncidentId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Impact { get; set; } = "";

    /// <summary>True when it affects every account; <see cref="Accounts"/> is then empty.</summary>
    public bool AllAccounts { get; set; }

    public List<string> Accounts { get; set; } = [];

    public Instant StartedAt { get; set; }

    public Instant DeclaredAt { get; set; }

    public Actor? DeclaredBy { get; set; }

    public string Status { get; set; } = "";

    public Instant? ResolvedAt { get; set; }

    public string? Summary { get; set; }

    public List<IncidentStep> Steps { get; set; } = [];

    public List<IncidentTroubleTicket> TroubleTickets { get; set; } = [];

    public bool Affects(string accountId) => AllAccounts || Accounts.Contains(accountId, StringComparer.Ordinal);

    /// <summary>
    /// The incident as one affected account's customer may read it: no other account's id, trouble ticket or count,
    /// and no staff identity (R15's notices name the incident, its impact and its status, nothing of other customers).
    /// </summary>
    public IncidentFile ForCustomerOf(string accountId) => new()
    {
        Id = Id,
        IncidentId = IncidentId,
        Title = Title,
        Impact = Impact,
        AllAccounts = AllAccounts,
        Accounts = Affects(accountId) && !AllAccounts ? [accountId] : [],
        StartedAt = StartedAt,
        DeclaredAt = DeclaredAt,
        Status = Status,
        ResolvedAt = ResolvedAt,
        Summary = Summary,
        TroubleTickets = TroubleTickets.Where(t => t.AccountId == accountId).ToList(),
        Steps = Steps.Select(s => s with
        {
            By = Actor.System("Spiisee support"),
            Text = s.Kind == "TroubleTicketsOpened"
                ? TroubleTickets.Any(t => t.AccountId == accountId) ? "an Outage trouble ticket was opened for the account" : "Outage trouble tickets were opened"
                : s.Text,
        }).ToList(),
    };
}

/// <summary>One step of an incident's timeline: declared, updated, resolved, trouble tickets opened; the stream version is the notice's.</summary>
public sealed record IncidentStep(long Version, string Kind, string Text, Instant At, Actor By);
