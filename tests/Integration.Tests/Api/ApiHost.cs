using Alba;
using JasperFx.CommandLine;
using Newtonsoft.Json.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>The real host (Wolverine, Marten, API keys) on a schema of its own, seeded through POST /journal.</summary>
public sealed class ApiHost(PostgresDatabase database) : IAsyncLifetime
{
    public const string BackOffice = "test-backoffice";
    public const string Auditor = "test-auditor";
    public const string AcmeAlice = "test-acme-alice";
    public const string GlobexHank = "test-globex-hank";

    public string Schema { get; } = PostgresDatabase.NewSchemaName();

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Replaces the command executor (for failure injection); the real one when null.</summary>
    public Spiisee.EventSourced.Projections.Commands.ICommandExecutor? Executor { get; init; }

    /// <summary>Every log entry of the host, with its scopes.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Host.Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Spiisee", database.ConnectionString);
            b.UseSetting("Storage:Schema", Schema);
            Key(b, 0, BackOffice, "BackOffice");
            Key(b, 1, Auditor, "Auditor");
            Key(b, 2, AcmeAlice, "Customer", "acme", "alice@acme.example");
            Key(b, 3, GlobexHank, "Customer", "globex", "hank@globex.example");
            // Captured, not printed: the host's JSON logs would bury the test run's own output.
            b.ConfigureLogging(l => l.ClearProviders().AddProvider(Logs));
            if (Executor is not null)
            {
                b.ConfigureServices(s => s.AddSingleton(Executor));
            }
        });
        foreach (var journal in new[] { "march-outage.jsonl", "quarter-2026-q1.jsonl" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(StoreTestBase.RepoRoot, "samples", journal));
            await Host.Scenario(s =>
            {
                s.Post.Text(text).ToUrl("/journal").ContentType("application/x-ndjson");
                s.WithRequestHeader("X-Api-Key", BackOffice);
                s.StatusCodeShouldBeOk();
            });
        }
    }

    public async Task<(int Status, JToken Body)> Send(string method, string url, string? key, string? body = null, string contentType = "application/json")
    {
        var result = await Host.Scenario(s =>
        {
            if (method == "GET")
            {
                s.Get.Url(url);
            }
            else
            {
                s.Post.Text(body ?? "").ToUrl(url).ContentType(contentType);
            }
            if (key is not null)
            {
                s.WithRequestHeader("X-Api-Key", key);
            }
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var trimmed = text.TrimStart();
        return (result.Context.Response.StatusCode, trimmed.StartsWith('{') || trimmed.StartsWith('[') ? JToken.Parse(text) : new JValue(text));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await database.DropSchemaAsync(Schema);
    }

    private static void Key(IWebHostBuilder b, int n, string key, string role, string? account = null, string? contact = null)
    {
        b.UseSetting($"Auth:Keys:{n}:Key", key);
        b.UseSetting($"Auth:Keys:{n}:Role", role);
        b.UseSetting($"Auth:Keys:{n}:Name", $"key-{n}");
        if (account is not null)
        {
            b.UseSetting($"Auth:Keys:{n}:AccountId", account);
            b.UseSetting($"Auth:Keys:{n}:ContactId", contact);
        }
    }
}
