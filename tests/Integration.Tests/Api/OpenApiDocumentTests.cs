using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>The OpenAPI document is complete enough for a client generator and Scalar's "try it".</summary>
[Collection(PostgresCollection.Name)]
public partial class OpenApiDocumentTests(PostgresDatabase database)
{
    /// <summary>The query parameters each route reads (docs/interfaces.md); the document must declare them.</summary>
    private static readonly Dictionary<string, string[]> QueryParameters = new()
    {
        ["GET /accounts/{accountId}/tickets"] = ["skip", "take"],
        ["GET /accounts/{accountId}/statements"] = ["from", "to"],
        ["GET /accounts/{accountId}/statements/{month}"] = ["asOf", "format"],
        ["GET /tickets/{ticketId}/history"] = ["asOf", "version"],
        ["GET /trouble-tickets/{troubleTicketId}/history"] = ["asOf", "version"],
        ["GET /reports/{name}"] = ["from", "to", "format"],
    };

    [Fact]
    public async Task Every_operation_declares_its_body_parameters_responses_problems_and_security()
    {
        await using var host = await KestrelHost.StartAsync(database, Instant.FromUtc(2026, 3, 20, 15, 0));
        var (status, doc, _) = await host.SendAsync(HttpMethod.Get, "/openapi/v1.json", null);
        status.ShouldBe(200);

        var scheme = doc["components"]!["securitySchemes"]!["ApiKey"]!;
        ((string)scheme["type"]!, (string)scheme["in"]!, (string)scheme["name"]!).ShouldBe(("apiKey", "header", "X-Api-Key"));

        var missing = new List<string>();
        var operations = 0;
        foreach (var path in ((JObject)doc["paths"]!).Properties())
        {
            foreach (var op in ((JObject)path.Value).Properties())
            {
                operations++;
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var operation = (JObject)op.Value;
                var parameters = (operation["parameters"] as JArray ?? []).Select(p => ((string)p["name"]!, (string)p["in"]!)).ToList();
                foreach (Match m in RouteValue().Matches(path.Name))
                {
                    if (!parameters.Contains((m.Groups[1].Value, "path")))
                    {
                        missing.Add($"{name}: path parameter {m.Groups[1].Value}");
                    }
                }
                foreach (var query in QueryParameters.GetValueOrDefault(name, []))
                {
                    if (!parameters.Contains((query, "query")))
                    {
                        missing.Add($"{name}: query parameter {query}");
                    }
                }
                if (op.Name == "post" && operation["requestBody"]?["content"] is not JObject { HasValues: true } content)
                {
                    missing.Add($"{name}: request body");
                }
                else if (op.Name == "post" && !((JObject)operation["requestBody"]!["content"]!).Properties().All(c => c.Value["schema"] is JObject { HasValues: true }))
                {
                    missing.Add($"{name}: request schema");
                }
                var responses = (JObject)operation["responses"]!;
                var success = responses.Properties().Where(r => r.Name.StartsWith('2')).ToList();
                if (success.Count == 0 || success.Any(r => r.Value["content"] is not JObject { HasValues: true } c
                        || c.Properties().Any(ct => ct.Name != "application/x-ndjson" && ct.Value["schema"] is not JObject { HasValues: true })))
                {
                    missing.Add($"{name}: success response schema");
                }
                foreach (var problem in new[] { "400", "401", "403", "404", "429" })
                {
                    if (responses[problem]?["content"]?["application/problem+json"] is null)
                    {
                        missing.Add($"{name}: problem response {problem}");
                    }
                }
                if (op.Name == "post" && path.Name != "/journal")
                {
                    foreach (var problem in new[] { "409", "415", "422" })
                    {
                        if (responses[problem] is null)
                        {
                            missing.Add($"{name}: problem response {problem}");
                        }
                    }
                }
                if (operation["security"] is not JArray { Count: > 0 })
                {
                    missing.Add($"{name}: security");
                }
            }
        }
        operations.ShouldBeGreaterThanOrEqualTo(24);
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex RouteValue();
}
