using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.TroubleTickets;

/// <summary>R12: a credit request by an authorized contact; customers leave out <c>contactId</c> (the key names it).</summary>
public sealed record RequestCreditBody(string? ContactId = null, string? RequestId = null);

public sealed class RequestCreditRegistration : CommandRegistration<RequestCredit, RequestCreditBody>
{
    public override CommandRoute Route { get; } = new("/trouble-tickets/{troubleTicketId}/credit-requests", "Trouble tickets", "Request a credit (R12)");

    public override Senders SentBy => Senders.BackOfficeAndCustomers;

    protected override RequestCredit ReadCommand(JObject o) => new(Id(o, "troubleTicketId"), Id(o, "contactId"), OptionalId(o, "requestId"));

    /// <summary>R12's deadline is counted in business days with the calendar as recorded at the request (R14).</summary>
    protected override IEnumerable<StreamRef> Reads(RequestCredit c) => [StreamRef.TroubleTicket(c.TroubleTicketId), StreamRef.Calendar];

    /// <summary>The account is known once the trouble ticket is read: its contacts decide R12's first check.</summary>
    protected override IEnumerable<StreamRef> DependentReads(RequestCredit c, StreamStates s) =>
        s.TroubleTicket(c.TroubleTicketId) is { } tt ? [StreamRef.Account(tt.AccountId)] : [];

    protected override Decision Decide(RequestCredit c, CommandContext ctx, StreamStates s) =>
        TroubleTicketDecider.Decide(s.TroubleTicket(c.TroubleTicketId), s.TroubleTicket(c.TroubleTicketId) is { } tt ? s.Account(tt.AccountId) : null,
            c, ctx, s.Calendar.At(ctx.At));

    /// <summary>R12: the contact who asks acts.</summary>
    protected override Actor ActorFor(RequestCredit c, Actor caller) => Actor.Contact(c.ContactId);

    protected override string? CustomerAccount(RequestCredit c, StreamStates s) => s.TroubleTicket(c.TroubleTicketId)?.AccountId;
}
