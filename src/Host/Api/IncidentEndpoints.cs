using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>R15: incidents, for the back office and auditors, and for the customers of the accounts they affect.</summary>
public static class IncidentEndpoints
{
    public const int MaxTake = 500;

    [ProducesResponseType<IncidentFile>(200)]
    [Authorize(Policy = Policies.Readers), WolverineGet("/incidents/{incidentId}"), Tags("Incidents"), EndpointSummary("An incident and its timeline (R15); customers only see incidents affecting their account")]
    public static async Task<IResult> Get(string incidentId, HttpContext http, IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var file = await IncidentQueries.LoadAsync(session, incidentId, http.RequestAborted);
        var caller = http.Caller();
        // Another account's incident does not exist for a customer, as another account does not (404, never 403).
        if (file is null || (caller.IsCustomer && !file.Affects(caller.AccountId!)))
        {
            return Problems.NotFoundResult("No such incident.");
        }
        return Json.Ok(caller.IsCustomer ? file.ForCustomerOf(caller.AccountId!) : file);
    }

    [ProducesResponseType<IReadOnlyList<IncidentSummary>>(200)]
    [QueryParameter("skip", "Entries to skip, from 0"), QueryParameter("take", "Entries to return, 1 to 500 (default 100)")]
    [Authorize(Policy = Policies.Readers), WolverineGet("/accounts/{accountId}/incidents"), Tags("Incidents"), EndpointSummary("The incidents affecting an account, newest first (R15); ?skip=&take=")]
    public static async Task<IResult> ForAccount(string accountId, HttpContext http, IDocumentStore store)
    {
        if (!http.Caller().CanSeeAccount(accountId))
        {
            return Problems.NotFoundResult("No such account.");
        }
        if (!QueryString.TryPage(http, MaxTake, out var skip, out var take, out var problem))
        {
            return problem;
        }
        await using var session = store.QuerySession();
        if (await session.Events.FetchStreamStateAsync(StreamKeys.For(StreamRef.Account(accountId)), http.RequestAborted) is null)
        {
            return Problems.NotFoundResult("No such account.");
        }
        return Json.Ok(await IncidentQueries.ForAccountAsync(session, accountId, skip, take, http.RequestAborted));
    }
}
