using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// Completes the OpenAPI document where endpoint metadata cannot: the API-key scheme (so Scalar's "try it" sends
/// X-Api-Key), each secured operation's security and the problem answers every secured call can meet, route values
/// as path parameters, and the declared query parameters.
/// </summary>
public static partial class OpenApiTransformers
{
    private const string SchemeName = "ApiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                Name = Auth.ApiKeyAuthentication.Header,
                In = ParameterLocation.Header,
                Description = "An API key from configuration (Auth:Keys:N:Key); Authorization: Bearer <key> works too.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Parameters ??= [];
            foreach (Match m in RouteValue().Matches(context.Description.RelativePath ?? ""))
            {
                var name = m.Groups[1].Value;
                if (!operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path))
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }
            foreach (var query in metadata.OfType<QueryParameterAttribute>())
            {
                if (!operation.Parameters.Any(p => p.Name == query.Name && p.In == ParameterLocation.Query))
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = query.Name, In = ParameterLocation.Query, Required = query.Required, Description = query.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }
            if (metadata.OfType<RequestBodyAttribute>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [body.ContentType] = new()
                        {
                            Schema = body.Schema is null
                                ? new OpenApiSchema { Type = JsonSchemaType.String }
                                : await context.GetOrCreateSchemaAsync(body.Schema, null, ct),
                        },
                    },
                };
            }
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, why) in new[]
                {
                    ("400", "Bad input: a problem document naming the field"), ("401", "No key or an unknown key"),
                    ("403", "A key without the right, or a revoked contact's"), ("404", "Not found, or not this customer's"),
                    ("429", "This key's request limit; see Retry-After"),
                })
                {
                    // Added where absent, and given the problem document where only a bare status was declared.
                    if (!operation.Responses.TryGetValue(status, out var existing) || existing.Content?.ContainsKey("application/problem+json") != true)
                    {
                        operation.Responses[status] = new OpenApiResponse
                        {
                            Description = existing?.Description ?? why,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                            },
                        };
                    }
                }
            }
        });
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex RouteValue();
}
