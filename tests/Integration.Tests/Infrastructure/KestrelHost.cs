using System.Net.Http.Headers;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using NodaTime.Testing;
using Spiisee.EventSourced.Integration.Tests.Api;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>
/// The real host on a loopback port (Kestrel, not a test server), on a schema of its own, with a clock the test sets:
/// requests go through sockets, HTTP parsing, and every middleware a client meets.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    public const string BackOffice = "kestrel-backoffice";
    public const string Auditor = "kestrel-auditor";

    private readonly PostgresDatabase _database;
    private readonly bool _dropSchema;
    private WebApplication _app = null!;

    private KestrelHost(PostgresDatabase database, string schema, bool dropSchema)
    {
        _database = database;
        Schema = schema;
        _dropSchema = dropSchema;
    }

    public string Schema { get; }

    public FakeClock Clock { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public CapturedLogs Logs { get; } = new();

    /// <summary>Starts a host at <paramref name="now"/>; extra settings as "Key=Value" (e.g. rate limits).</summary>
    public static async Task<KestrelHost> StartAsync(PostgresDatabase database, Instant now, IEnumerable<string>? settings = null,
        string? schema = null)
    {
        var host = new KestrelHost(database, schema ?? PostgresDatabase.NewSchemaName(), dropSchema: schema is null);
        await host.StartAsync(now, settings ?? []);
        return host;
    }

    private async Task StartAsync(Instant now, IEnumerable<string> settings)
    {
        Clock = new FakeClock(now);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            // Not Development, so the ahead-of-time generated code is what runs; not Production, so the host creates
            // each test's schema itself (a Production host serves only what db-apply made: ProductionSchemaTests).
            "--environment=Testing",
            $"--ConnectionStrings:Spiisee={_database.ConnectionString}",
            $"--Storage:Schema={Schema}",
            $"--Auth:Keys:0:Key={BackOffice}", "--Auth:Keys:0:Role=BackOffice", "--Auth:Keys:0:Name=backoffice",
            $"--Auth:Keys:1:Key={Auditor}", "--Auth:Keys:1:Role=Auditor", "--Auth:Keys:1:Name=auditor",
            .. settings.Select(s => "--" + s),
        ];
        _app = Host.HostApp.Build(args, b =>
        {
            b.Services.AddSingleton<IClock>(Clock);
            b.Logging.ClearProviders().AddProvider(Logs);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task<(int Status, JToken Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string url, string? key,
        string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json";
        return ((int)response.StatusCode, json ? JToken.Parse(text) : new JValue(text), response);
    }

    public Task<(int Status, JToken Body, HttpResponseMessage Response)> GetAsync(string url, string key = Auditor) =>
        SendAsync(HttpMethod.Get, url, key);

    public Task<(int Status, JToken Body, HttpResponseMessage Response)> PostAsync(string url, object body, string key = BackOffice) =>
        SendAsync(HttpMethod.Post, url, key, Newtonsoft.Json.JsonConvert.SerializeObject(body));

    /// <summary>POST /journal, answered line by line; every line's result parsed.</summary>
    public async Task<IReadOnlyList<JObject>> ImportAsync(string journal, string key = BackOffice)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, "/journal", key, journal, "application/x-ndjson");
        status.ShouldBe(200, body.ToString());
        return ((string)body!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_dropSchema)
        {
            await _database.DropSchemaAsync(Schema);
        }
    }
}
