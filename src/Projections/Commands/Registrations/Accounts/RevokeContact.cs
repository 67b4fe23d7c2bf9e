using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R5: the contact is no longer authorized; the route names it, so the body is empty.</summary>
public sealed record RevokeContactBody;

public sealed class RevokeContactRegistration : CommandRegistration<RevokeContact, RevokeContactBody>
{
    public override CommandRoute Route { get; } = new("/accounts/{accountId}/contacts/{contactId}/revocation", "Accounts", "Revoke a support contact (R5)");

    protected override RevokeContact ReadCommand(JObject o) => new(Id(o, "accountId"), Id(o, "contactId"));

    protected override IEnumerable<StreamRef> Reads(RevokeContact c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(RevokeContact c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
