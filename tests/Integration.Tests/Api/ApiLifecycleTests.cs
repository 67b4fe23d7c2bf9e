using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>Every command route on its happy path, then the reports and timelines, through the real host.</summary>
[Collection(PostgresCollection.Name)]
public class ApiLifecycleTests(SampleApiHost host) : IClassFixture<SampleApiHost>
{
    private readonly ApiHost _api = host.Api;

    private async Task<JToken> Ok(string url, string key, string body, int status = 201)
    {
        var (actual, json) = await _api.Send("POST", url, key, body);
        actual.ShouldBe(status, json.ToString());
        return json;
    }

    [Fact] // From registration to an approved credit, one route after another; the customer does its part with its own key.
    public async Task A_whole_case_over_http()
    {
        const string bo = ApiHost.BackOffice;
        await Ok("/accounts", bo, """{"accountId":"hooli","name":"Hooli","plan":"Premium","monthlyRate":3300.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2027-12-31"}""");
        await Ok("/accounts/hooli/contacts", bo, """{"contactId":"gavin@hooli.example"}""");
        await Ok("/accounts/hooli/contacts", bo, """{"contactId":"temp@hooli.example"}""");
        await Ok("/accounts/hooli/contacts/temp@hooli.example/revocation", bo, "{}");
        await Ok("/accounts/hooli/rates", bo, """{"monthlyRate":3630.00,"effectiveMonth":"2027-01"}""");
        await Ok("/accounts/hooli/maintenance-renewals", bo, """{"maintenanceTo":"2028-12-31"}""");
        await Ok("/accounts/hooli/maintenance-windows", bo, """{"from":"2027-01-10T00:00:00-05:00","to":"2027-01-10T04:00:00-05:00"}""");
        await Ok("/tickets", bo, """{"ticketId":"H-1","accountId":"hooli","contactId":"gavin@hooli.example","channel":"ScreenShare","priority":"P2","category":"Incident","releaseStage":"GA"}""");
        await Ok("/tickets/H-1/escalations", bo, """{"priority":"P1","reason":"All users"}""");
        await Ok("/trouble-tickets", bo, """{"troubleTicketId":"HTT-1","replacesTicketId":"H-1","kind":"Outage"}""");
        await Ok("/trouble-tickets/HTT-1/assignments", bo, """{"agentId":"agent-1"}""");
        await Ok("/trouble-tickets/HTT-1/resolution", bo, """{"rootCause":"PlatformDefect"}""");
        await Ok("/trouble-tickets/HTT-1/closure", bo, "{}");
        await Ok("/tickets", bo, """{"ticketId":"H-2","accountId":"hooli","contactId":"gavin@hooli.example","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        await Ok("/tickets/H-2/closure", bo, """{"resolution":"answered"}""");
        var credit = await Ok("/trouble-tickets/HTT-1/credit-requests", bo, """{"contactId":"gavin@hooli.example","requestId":"CR-1"}""");
        ((string)credit["events"]![0]!["type"]!).ShouldBe("credit_request_approved");

        var (status, account) = await _api.Send("GET", "/accounts/hooli", ApiHost.Auditor);
        status.ShouldBe(200);
        account["contacts"]!.ToObject<string[]>().ShouldBe(["gavin@hooli.example"]);
        ((string)account["maintenanceTo"]!).ShouldBe("2028-12-31");
        (await _api.Send("GET", "/tickets/H-1/timeline", ApiHost.Auditor)).Body["entries"]!.Count().ShouldBe(3);
    }

    [Fact] // Reports are for staff; CSV and JSON; bad ranges are 400.
    public async Task Reports_over_http()
    {
        var (status, csv) = await _api.Send("GET", "/reports/credits?from=2026-01&to=2026-03&format=csv", ApiHost.Auditor);
        status.ShouldBe(200);
        var rows = ((string)csv!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldStartWith("accountId,month");
        rows.ShouldContain(r => r.StartsWith("globex,2026-01,USD,8800.00,22,4400.00,3,1200.00,5600.00,2026-02,", StringComparison.Ordinal));
        var (_, json) = await _api.Send("GET", "/reports/credit-requests?from=2026-01&to=2026-03", ApiHost.BackOffice);
        json.ShouldBeOfType<JArray>().ShouldContain(r => (string)r["reason"]! == "LateRequest");
        (await _api.Send("GET", "/reports/credits?from=2026-01&to=2026-03", ApiHost.AcmeAlice)).Status.ShouldBe(403);
        (await _api.Send("GET", "/reports/credits?from=2026-04&to=2026-03", ApiHost.Auditor)).Status.ShouldBe(400);
        (await _api.Send("GET", "/reports/credits?from=2026-01", ApiHost.Auditor)).Status.ShouldBe(400);
        (await _api.Send("GET", "/reports/nonsense?from=2026-01&to=2026-03", ApiHost.Auditor)).Status.ShouldBe(404);
    }

    [Fact] // Timelines follow the same account scoping as histories.
    public async Task Timelines_over_http()
    {
        (await _api.Send("GET", "/trouble-tickets/TT-100/timeline", ApiHost.AcmeAlice)).Status.ShouldBe(200);
        (await _api.Send("GET", "/trouble-tickets/GTT-1/timeline", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        var (_, declined) = await _api.Send("GET", "/tickets/I-4/timeline", ApiHost.Auditor);
        ((string)declined["declineReason"]!).ShouldBe("UnsupportedRelease");
    }

}

/// <summary>A command that keeps losing to concurrent writers is answered 409, not 500.</summary>
[Collection(PostgresCollection.Name)]
public class PersistentConflictTests(PostgresDatabase database) : IAsyncLifetime
{
    private readonly ApiHost _api = new(database) { Executor = new AlwaysConflicting() };

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Persistent_concurrency_conflict_is_409()
    {
        var (status, problem) = await _api.Send("POST", "/tickets/T-100/escalations", ApiHost.BackOffice, """{"priority":"P1"}""");
        status.ShouldBe(409);
        ((string)problem["reason"]!).ShouldBe("ConcurrencyConflict");
    }

    private sealed class AlwaysConflicting : ICommandExecutor
    {
        public Task<Decision> ExecuteAsync(ICommand command, Func<CommandContext> ctx, CancellationToken ct) =>
            throw new ConcurrencyConflictException("simulated", new InvalidOperationException("another writer kept winning"));
    }
}
