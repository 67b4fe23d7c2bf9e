using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Tickets;

/// <summary>
/// R6: a support ticket. Customers leave out <c>ticketId</c> and <c>contactId</c>: the server gives the id and the key
/// names the contact.
/// </summary>
public sealed record OpenTicketBody(
    string AccountId, string Channel, Priority Priority, string Category, string ReleaseStage, string? TicketId = null, string? ContactId = null,
    bool? Customized = null, string? Language = null, string? Summary = null, string? IncidentId = null);

public sealed class OpenTicketRegistration : CommandRegistration<OpenTicket, OpenTicketBody>
{
    public override CommandRoute Route { get; } = new("/tickets", "Tickets", "Open a support ticket (R6)");

    public override Senders SentBy => Senders.BackOfficeAndCustomers;

    public override (string Field, string Prefix)? CustomerAssignedId => ("ticketId", "T-");

    protected override OpenTicket ReadCommand(JObject o) => new(Id(o, "ticketId"), Id(o, "accountId"), Id(o, "contactId"), Token(o, "channel"),
        Enum<Priority>(o, "priority"), Token(o, "category"), Token(o, "releaseStage"), OptionalBool(o, "customized") ?? false,
        OptionalToken(o, "language"), OptionalText(o, "summary"), OptionalId(o, "incidentId"));

    protected override IEnumerable<StreamRef> Reads(OpenTicket c) =>
        [StreamRef.Account(c.AccountId), StreamRef.Ticket(c.TicketId), .. c.IncidentId is { } incident ? [StreamRef.Incident(incident)] : Array.Empty<StreamRef>()];

    /// <summary>R15: a ticket may name the incident it is about; one that does not exist, or not for this account, is unknown.</summary>
    protected override Decision Decide(OpenTicket c, CommandContext ctx, StreamStates s) =>
        c.IncidentId is { } incident && s.Incident(incident)?.Affects(c.AccountId) != true
            ? Decision.Reject(ReasonCodes.UnknownIncident)
            : TicketDecider.Decide(s.Account(c.AccountId), s.Ticket(c.TicketId), c, ctx);

    /// <summary>R6: the contact who opens the ticket acts.</summary>
    protected override Actor ActorFor(OpenTicket c, Actor caller) => Actor.Contact(c.ContactId);

    protected override string? CustomerAccount(OpenTicket c, StreamStates s) => c.AccountId;
}
