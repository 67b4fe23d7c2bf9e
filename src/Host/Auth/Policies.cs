using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>
/// docs/interfaces.md: the roles, as authorization policies: the back office does everything, auditors read, customers open
/// tickets, ask for credits and read their own account. Every policy also requires a customer's contact to be still
/// authorized (R5): a revoked contact's key gets 403 from the revocation on.
/// </summary>
public static class Policies
{
    public const string BackOffice = nameof(BackOffice);
    public const string Staff = nameof(Staff);
    public const string Readers = nameof(Readers);
    public const string CustomerCommands = nameof(CustomerCommands);
    internal const string ForbiddenItem = "spiisee.forbidden";

    public static string ForSenders(Senders senders) => senders == Senders.BackOffice ? BackOffice : CustomerCommands;

    public static void Configure(AuthorizationOptions options)
    {
        void Add(string name, params Role[] roles) => options.AddPolicy(name, p => p
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireRole(roles.Select(r => r.ToString()))
            .AddRequirements(new ContactStillAuthorized()));
        Add(BackOffice, Role.BackOffice);
        Add(Staff, Role.BackOffice, Role.Auditor);
        Add(Readers, Role.BackOffice, Role.Auditor, Role.Customer);
        Add(CustomerCommands, Role.BackOffice, Role.Customer);
        // An endpoint that forgets its policy is still closed to unknown callers.
        options.FallbackPolicy = options.GetPolicy(Readers);
    }
}

/// <summary>R5: a customer key acts for its contact only while the contact is authorized.</summary>
public sealed class ContactStillAuthorized : IAuthorizationRequirement;

public sealed class ActiveContactAuthorization(IDocumentStore store, IHttpContextAccessor accessor) : AuthorizationHandler<ContactStillAuthorized>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContactStillAuthorized requirement)
    {
        var http = accessor.HttpContext;
        if (http?.Items[Caller.ItemKey] is not Caller caller)
        {
            return;
        }
        if (!caller.IsCustomer)
        {
            context.Succeed(requirement);
            return;
        }
        await using var session = store.QuerySession();
        var account = await StreamLoader.ReadAsync(session, [StreamRef.Account(caller.AccountId!)], http.RequestAborted);
        if (account.Single().State is AccountState state && state.IsAuthorized(caller.ContactId!))
        {
            context.Succeed(requirement);
            return;
        }
        http.Items[Policies.ForbiddenItem] = $"Contact '{caller.ContactId}' is not an authorized support contact of account '{caller.AccountId}'.";
        context.Fail(new AuthorizationFailureReason(this, "contact no longer authorized"));
    }
}
