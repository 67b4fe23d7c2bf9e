using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Projections.Journal.CommandReader;

namespace Spiisee.EventSourced.Projections.Commands.Registrations.Accounts;

/// <summary>R5: a support contact authorized for the account.</summary>
public sealed record AuthorizeContactBody(string ContactId);

public sealed class AuthorizeContactRegistration : CommandRegistration<AuthorizeContact, AuthorizeContactBody>
{
    public override CommandRoute Route { get; } = new("/accounts/{accountId}/contacts", "Accounts", "Authorize a support contact (R5)");

    protected override AuthorizeContact ReadCommand(JObject o) => new(Id(o, "accountId"), Id(o, "contactId"));

    protected override IEnumerable<StreamRef> Reads(AuthorizeContact c) => [StreamRef.Account(c.AccountId)];

    protected override Decision Decide(AuthorizeContact c, CommandContext ctx, StreamStates s) =>
        AccountDecider.Decide(s.Account(c.AccountId), c, ctx);
}
