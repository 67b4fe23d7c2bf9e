using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Projections.Commands;
using Wolverine;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// One POST resource per registered command, with its body, responses and policy declared from the registration,
/// so the route table, the authorization and the OpenAPI document cannot drift from the commands the engine knows.
/// </summary>
public static class CommandEndpoints
{
    public static void MapCommands(this IEndpointRouteBuilder app)
    {
        foreach (var registration in CommandRegistry.All)
        {
            app.MapPost(registration.Route.Pattern, (HttpContext http, IMessageBus bus, IClock clock, IDocumentStore store) =>
                    CommandPipeline.ExecuteAsync(http, registration, bus, clock, store))
                .WithName(registration.Name)
                .WithTags(registration.Route.Tag)
                .WithSummary(registration.Route.Summary)
                .WithMetadata(new RequestBodyAttribute("application/json", registration.BodyType))
                .Produces<CommandAccepted>(StatusCodes.Status201Created)
                .Produces<CommandAccepted>(StatusCodes.Status200OK)
                .WithCommandProblems()
                .RequireAuthorization(Policies.ForSenders(registration.SentBy));
        }
    }

    /// <summary>The refusals a command can meet: bad input, keys, policy decisions, limits (RFC 9457 documents).</summary>
    public static RouteHandlerBuilder WithCommandProblems(this RouteHandlerBuilder builder)
    {
        foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 415, 422, 429 })
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }
}
