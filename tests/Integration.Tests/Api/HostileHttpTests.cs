using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>The API as an attacker and a careless client meet it, over real HTTP: no input gets a 5xx or a cut body.</summary>
[Collection(PostgresCollection.Name)]
public class HostileHttpTests(PostgresDatabase database)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 20, 15, 0);
    private const string Alice = "kestrel-acme-alice";

    private static readonly string[] CustomerKey =
        [$"Auth:Keys:2:Key={Alice}", "Auth:Keys:2:Role=Customer", "Auth:Keys:2:Name=alice", "Auth:Keys:2:AccountId=acme", "Auth:Keys:2:ContactId=alice@acme.example"];

    private async Task<KestrelHost> StartWithExampleAsync(params string[] settings)
    {
        var host = await KestrelHost.StartAsync(database, Now, [.. CustomerKey, .. settings]);
        (await host.ImportAsync(await File.ReadAllTextAsync(StoreTestBase.SamplePath("march-outage.jsonl"))))
            .ShouldAllBe(r => (string)r["status"]! != "Invalid");
        return host;
    }

    [Fact] // Each of these answered 500 or cut its body off; each is a 400 naming the field.
    public async Task Hostile_values_are_400_naming_the_field()
    {
        await using var host = await StartWithExampleAsync();
        var cases = new (string Method, string Url, string? Body, string Field)[]
        {
            ("POST", "/tickets", """{"ticketId":"T-9","accountId":"acme","contactId":"alice@acme.example","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA","summary":"a\u0000b"}""", "summary"),
            ("POST", "/accounts/acme/rates", """{"monthlyRate":9223372036854775808,"effectiveMonth":"2026-05"}""", "monthlyRate"),
            ("POST", "/accounts/acme/rates", """{"monthlyRate":1e30,"effectiveMonth":"2026-05"}""", "monthlyRate"),
            ("POST", "/accounts/acme/maintenance-windows", """{"from":"2026-04-01T00:00:00Z","to":"9999-12-31T00:00:00Z"}""", "to"),
            ("POST", "/accounts/acme/contacts", """{"contactId":"x\u200By"}""", "contactId"),
            ("POST", "/accounts/acme/contacts", $$"""{"contactId":"{{new string('x', 10_240)}}"}""", "contactId"),
            ("GET", "/accounts/acme/statements/9999-12", null, "month"),
            ("GET", "/accounts/acme/statements/-9998-01", null, "month"),
            ("GET", "/accounts/acme/statements?from=9999-01&to=9999-12", null, "from"),
            ("GET", "/accounts/acme/statements?from=2026-01", null, "to"),
            ("GET", "/reports/credits?from=9999-01&to=9999-12", null, "from"),
            ("GET", "/reports/availability?from=9999-01&to=9999-12", null, "from"),
            ("GET", "/reports/mttr?from=9999-01&to=9999-12", null, "from"),
            ("GET", "/reports/credit-requests?from=9999-01&to=9999-12", null, "from"),
            ("GET", "/accounts/acme/statements/2026-03?asOf=9999-12-31T23:59:59-18:00", null, "asOf"),
            ("GET", "/tickets/T-100/history?asOf=9999-12-31T23:59:59-18:00", null, "asOf"),
            ("GET", "/trouble-tickets/TT-100/history?asOf=9999-12-31T23:59:59-18:00", null, "asOf"),
            ("GET", "/trouble-tickets/TT-100/history?asOf=2026-03-10T00:00:00Z%00junk", null, "asOf"),
            ("GET", "/trouble-tickets/TT-100/timeline?format=table", null, "format"),
            ("GET", "/accounts/acme/statements/2026-03?format=xml", null, "format"),
            // .NET's number parsing ignores trailing NULs: each of these read as the number before the NUL.
            ("GET", "/calendar?year=2026%00", null, "year"),
            ("GET", "/accounts/acme/tickets?take=2%00", null, "take"),
            ("GET", "/trouble-tickets/TT-100/history?version=1%00", null, "version"),
        };
        foreach (var (method, url, body, field) in cases)
        {
            var (status, problem, response) = await host.SendAsync(new HttpMethod(method), url, KestrelHost.BackOffice, body);
            status.ShouldBe(400, $"{method} {url}: {problem}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            ((string?)problem["field"]).ShouldBe(field, $"{method} {url}: {problem}");
        }
        // A missing month range says so.
        ((string)(await host.GetAsync("/accounts/acme/statements?from=2026-01")).Body["detail"]!).ShouldContain("required");
    }

    [Fact] // Command endpoints take JSON only; garbage of any shape on any command route is a 4xx, never a 5xx.
    public async Task Garbage_on_every_command_route_is_a_client_error()
    {
        await using var host = await StartWithExampleAsync();
        (await host.SendAsync(HttpMethod.Post, "/accounts/acme/contacts", KestrelHost.BackOffice, """{"contactId":"z"}""", "text/plain")).Status.ShouldBe(415);
        (await host.SendAsync(HttpMethod.Post, "/accounts/acme/contacts", KestrelHost.BackOffice, """{"contactId":"z"}""", "application/x-www-form-urlencoded")).Status.ShouldBe(415);
        string[] routes =
        [
            "/accounts", "/accounts/acme/contacts", "/accounts/acme/contacts/alice@acme.example/revocation", "/accounts/acme/rates",
            "/accounts/acme/maintenance-renewals", "/accounts/acme/maintenance-windows", "/tickets", "/tickets/T-100/escalations",
            "/tickets/T-100/closure", "/trouble-tickets", "/trouble-tickets/TT-100/assignments", "/trouble-tickets/TT-100/resolution",
            "/trouble-tickets/TT-100/closure", "/trouble-tickets/TT-100/credit-requests",
        ];
        var random = new Random(500);
        string[] bodies =
        [
            "", "null", "[]", "\"x\"", "{", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", "{\"monthlyRate\":-0}",
            "{\"accountId\":\"\\ud800\"}", "{\"from\":\"2026-13-45T99:99:99Z\"}", "{\"priority\":123456789012345678901234567890}",
            "{\"maintenanceTo\":\"0000-00-00\"}", "{\"kind\":{\"$type\":\"System.IO.FileInfo\"}}",
            Encoding.Latin1.GetString(Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256)).ToArray()),
        ];
        foreach (var route in routes)
        {
            foreach (var body in bodies)
            {
                var (status, problem, _) = await host.SendAsync(HttpMethod.Post, route, KestrelHost.BackOffice, body);
                // Some of these are valid commands after all (a revocation needs no field): never a 5xx either way.
                status.ShouldBeLessThan(500, $"POST {route} {body}: {problem}");
                if (!body.TrimStart().StartsWith('{') || body.Contains('[', StringComparison.Ordinal) || body.Contains("\\u", StringComparison.Ordinal))
                {
                    status.ShouldBeInRange(400, 499, $"POST {route} {body}: {problem}");
                }
            }
        }
    }

    [Fact] // Every report over HTTP in both formats, with thousands of rows, read whole.
    public async Task Reports_over_http_are_complete_in_both_formats()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var accounts = Enumerable.Range(0, 250).Select(i => $"rep-{i:000}").ToList();
        var setUp = Journals.ClosedOutages(accounts) + "\n" + string.Join('\n', accounts.SelectMany(a => Enumerable.Range(0, 4).Select(k =>
            JsonConvert.SerializeObject(new { at = "2026-03-20T15:00:00Z", type = "RequestCredit", troubleTicketId = $"TT-{a}-{k}", contactId = Journals.Contact(a) }))));
        (await host.ImportAsync(setUp)).ShouldAllBe(r => (string)r["status"]! == "Accepted");

        // 250 accounts x 12 months = 3,000 rows in the per-account reports.
        foreach (var report in new[] { "availability", "credits" })
        {
            var json = JArray.Parse((string)(await host.SendAsync(HttpMethod.Get, $"/reports/{report}?from=2026-01&to=2026-12&format=json", KestrelHost.Auditor)).Body!
                .ToString());
            json.Count.ShouldBe(3_000, report);
            var (_, csv, response) = await host.SendAsync(HttpMethod.Get, $"/reports/{report}?from=2026-01&to=2026-12&format=csv", KestrelHost.Auditor);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            ((string)csv!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3_001, report);
        }
        // Default format is JSON, the whole array. Four 12-hour outages in March, but the scheduled-maintenance one on
        // Thu 19 March starts at 06:00 EDT, inside Wednesday's standard window (22:00-07:00, R4): its first hour is
        // carved out (R10), so 47 h = 2,820.00 minutes are down.
        var (status, availability, _) = await host.GetAsync("/reports/availability?from=2026-03&to=2026-03");
        status.ShouldBe(200);
        var rows = JArray.Parse(availability.ToString());
        rows.Count.ShouldBe(250);
        rows.ShouldAllBe(r => (decimal)r["downtimeMinutes"]! == 2820.00m);

        // The aggregated reports cover the 1,000 trouble tickets and credit requests.
        var mttr = JArray.Parse((await host.GetAsync("/reports/mttr?from=2026-03&to=2026-03")).Body.ToString());
        mttr.Sum(r => (int)r["troubleTickets"]!).ShouldBe(1_000);
        var requests = JArray.Parse((await host.GetAsync("/reports/credit-requests?from=2026-03&to=2026-03")).Body.ToString());
        requests.Sum(r => (int)r["requests"]!).ShouldBe(1_000);
        foreach (var report in new[] { "mttr", "credit-requests" })
        {
            var (_, csv, _) = await host.SendAsync(HttpMethod.Get, $"/reports/{report}?from=2026-03&to=2026-03&format=csv", KestrelHost.Auditor);
            ((string)csv!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1, report);
        }
    }

    [Fact] // Slow export readers cannot hold the connection pool: past the slots, 429 with Retry-After; a slot frees on close.
    public async Task Exports_beyond_the_slots_are_refused_until_one_ends()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, ["Reports:MaxConcurrentExports=1"]);
        (await host.ImportAsync(string.Join('\n', Enumerable.Range(0, 250).Select(i => JsonConvert.SerializeObject(new
        {
            at = "2026-01-01T12:00:00Z", type = "RegisterAccount", accountId = $"slow-{i:000}", plan = "Standard", monthlyRate = 100.00m,
            currency = "USD", maintenanceFrom = "2026-01-01", maintenanceTo = "2026-12-31",
        }))))).ShouldAllBe(r => (string)r["status"]! == "Accepted");

        // A reader that takes the headers of 20 years x 250 accounts and reads no further holds the only slot.
        using var slow = new HttpRequestMessage(HttpMethod.Get, "/reports/availability?from=2001-01&to=2020-12&format=csv");
        slow.Headers.Add("X-Api-Key", KestrelHost.Auditor);
        var held = await host.Client.SendAsync(slow, HttpCompletionOption.ResponseHeadersRead);
        held.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var (status, _, response) = await host.SendAsync(HttpMethod.Get, "/reports/credits?from=2026-01&to=2026-01", KestrelHost.Auditor);
        status.ShouldBe(429);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await host.GetAsync("/accounts/slow-001")).Status.ShouldBe(200); // other requests are served meanwhile

        held.Dispose();
        var freed = false;
        for (var i = 0; i < 50 && !freed; i++)
        {
            freed = (await host.SendAsync(HttpMethod.Get, "/reports/credits?from=2026-01&to=2026-01", KestrelHost.Auditor)).Status == 200;
            if (!freed)
            {
                await Task.Delay(100);
            }
        }
        freed.ShouldBeTrue("the slot is given back when the slow reader goes away");
    }

    [Fact] // A journal with hostile lines over HTTP: one complete NDJSON result per line.
    public async Task Journal_over_http_answers_every_line()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var lines = new[]
        {
            """{"at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"a1","plan":"Standard","monthlyRate":10,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""",
            """{"at":"2026-02-02T14:00:00Z","type":"AuthorizeContact","accountId":"a1","contactId":"c\u0000"}""",
            $$"""{"at":"2026-02-02T14:00:00Z","type":"AuthorizeContact","accountId":"a1","contactId":"{{new string('c', 2 * 1024 * 1024)}}"}""",
            """{"at":"9999-12-31T23:59:59-18:00","type":"AuthorizeContact","accountId":"a1","contactId":"c"}""",
            """{"at":"2026-02-02T14:01:00Z","type":"AuthorizeContact","accountId":"a1","contactId":"c"}""",
        };
        var results = await host.ImportAsync(string.Join('\n', lines));
        results.Select(r => ((int)r["line"]!, (string)r["status"]!, (string?)r["reason"])).ShouldBe(
        [
            (1, "Accepted", null), (2, "Invalid", "InvalidCharacter"), (3, "Invalid", "LineTooLong"), (4, "Invalid", "OutOfRange"), (5, "Accepted", null),
        ]);
    }

    [Fact] // Per-key limits: 429 with Retry-After past the limit, other keys untouched.
    public async Task A_key_over_its_limit_gets_429_with_retry_after()
    {
        await using var host = await StartWithExampleAsync("RateLimits:Customer:PermitLimit=5", "RateLimits:Customer:WindowSeconds=60");
        for (var i = 0; i < 5; i++)
        {
            (await host.GetAsync("/accounts/acme/statements/2026-03", Alice)).Status.ShouldBe(200);
        }
        var (status, problem, response) = await host.SendAsync(HttpMethod.Post, "/trouble-tickets/TT-100/credit-requests", Alice, "{}");
        status.ShouldBe(429, problem.ToString());
        int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await host.GetAsync("/accounts/acme/statements/2026-03", Alice)).Status.ShouldBe(429);
        (await host.GetAsync("/accounts/acme/statements/2026-03")).Status.ShouldBe(200); // the auditor's key has its own budget
    }

    [Fact] // Guessing keys is limited per client address too.
    public async Task Unknown_keys_are_limited_per_client()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, ["RateLimits:Anonymous:PermitLimit=3"]);
        for (var i = 0; i < 3; i++)
        {
            (await host.GetAsync("/accounts/acme", $"guess-{i}")).Status.ShouldBe(401);
        }
        var (status, _, response) = await host.GetAsync("/accounts/acme", "guess-3");
        status.ShouldBe(429);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await host.GetAsync("/accounts/acme")).Status.ShouldBe(404); // a known key is counted on its own
    }

    [Fact] // R5: a revoked contact's key reads and does nothing from the revocation on.
    public async Task A_revoked_contact_gets_403_on_everything()
    {
        await using var host = await StartWithExampleAsync();
        (await host.GetAsync("/accounts/acme/statements/2026-03", Alice)).Status.ShouldBe(200);
        (await host.PostAsync("/accounts/acme/contacts/alice@acme.example/revocation", new { })).Status.ShouldBe(201);
        (await host.GetAsync("/accounts/acme/statements/2026-03", Alice)).Status.ShouldBe(403);
        (await host.GetAsync("/accounts/acme", Alice)).Status.ShouldBe(403);
        (await host.GetAsync("/trouble-tickets/TT-100/timeline", Alice)).Status.ShouldBe(403);
        (await host.SendAsync(HttpMethod.Post, "/tickets", Alice,
            """{"accountId":"acme","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""")).Status.ShouldBe(403);
        (await host.PostAsync("/accounts/acme/contacts", new { contactId = "alice@acme.example" })).Status.ShouldBe(201);
        (await host.GetAsync("/accounts/acme/statements/2026-03", Alice)).Status.ShouldBe(200);
    }

    [Fact] // Customers' tickets get server ids: no id can be squatted, and no answer tells whether another account's id exists.
    public async Task Customer_tickets_get_server_assigned_ids()
    {
        await using var host = await StartWithExampleAsync();
        var chosen = await host.SendAsync(HttpMethod.Post, "/tickets", Alice,
            """{"ticketId":"T-100","accountId":"acme","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        (chosen.Status, (string?)chosen.Body["field"]).ShouldBe((400, "ticketId"));

        var (status, body, response) = await host.SendAsync(HttpMethod.Post, "/tickets", Alice,
            """{"accountId":"acme","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        status.ShouldBe(201);
        var id = (string)body["ticketId"]!;
        response.Headers.Location!.ToString().ShouldBe($"/tickets/{id}/timeline");
        (await host.GetAsync($"/tickets/{id}/timeline", Alice)).Status.ShouldBe(200);
        var second = await host.SendAsync(HttpMethod.Post, "/tickets", Alice,
            """{"accountId":"acme","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        ((string)second.Body["ticketId"]!).ShouldNotBe(id);
        // A declined ticket stays on record (R6) and its id is given too.
        var declined = await host.SendAsync(HttpMethod.Post, "/tickets", Alice,
            """{"accountId":"acme","channel":"Web","priority":"P3","category":"PerformanceTuning","releaseStage":"GA"}""");
        (declined.Status, (string)declined.Body["reason"]!).ShouldBe((422, "NotCovered"));
        ((string)declined.Body["ticketId"]!).ShouldStartWith("T-");
    }

    [Fact] // Data is never sniffed or cached, and the server does not name itself.
    public async Task Responses_carry_no_sniff_no_store_and_no_server()
    {
        await using var host = await StartWithExampleAsync();
        foreach (var (url, key) in new[] { ("/accounts/acme/statements/2026-03", Alice), ("/accounts/acme", KestrelHost.Auditor), ("/nothing-here", KestrelHost.Auditor) })
        {
            var (_, _, response) = await host.SendAsync(HttpMethod.Get, url, key);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], url);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(url);
            response.Headers.Contains("Server").ShouldBeFalse(url);
        }
    }
}
