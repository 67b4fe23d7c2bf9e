using Alba;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

[Collection(PostgresCollection.Name)]
public class ApiTests(SampleApiHost host) : IClassFixture<SampleApiHost>
{
    private readonly ApiHost _api = host.Api;

    private Task<(int Status, JToken Body)> Send(string method, string url, string? key, string? body = null, string contentType = "application/json") =>
        _api.Send(method, url, key, body, contentType);

    private async Task<long> CountEventsAsync()
    {
        var store = _api.Host.Services.GetService(typeof(Marten.IDocumentStore)) as Marten.IDocumentStore;
        await using var session = store!.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
    }

    [Fact] // interfaces.md: the statement of acme for 2026-03 over HTTP equals policy.md's example.
    public async Task Acme_march_statement_matches_the_worked_example()
    {
        var (status, s) = await Send("GET", "/accounts/acme/statements/2026-03", ApiHost.Auditor);
        status.ShouldBe(200);
        ((decimal)s["monthlyRate"]!, (long)s["minutesInMonth"]!, (decimal)s["downtimeMinutes"]!, (decimal)s["availabilityPercent"]!)
            .ShouldBe((2200.00m, 44580L, 9750.00m, 78.1292m));
        ((long)s["availabilityIncrements"]!, (decimal)s["availabilityCredit"]!, (long)s["overdueBusinessDays"]!, (decimal)s["mttrCredit"]!, (decimal)s["totalCredit"]!)
            .ShouldBe((20L, 1100.00m, 2L, 200.00m, 1300.00m));
        s["troubleTickets"]![0]!["overdueDays"]!.ToObject<string[]>().ShouldBe(["2026-03-05", "2026-03-06"]);
        ((string)s["ledger"]![0]!["invoiceMonth"]!, (decimal)s["ledger"]![0]!["amount"]!).ShouldBe(("2026-04", 1300.00m));
        ((string)s["calendar"]!).ShouldContain("America/New_York");
    }

    [Fact] // Auditors: the statement as it stood before the approval, over HTTP; an instant without offset is 400 (R1).
    public async Task Statement_as_of_an_instant()
    {
        var (status, s) = await Send("GET", "/accounts/acme/statements/2026-03?asOf=2026-03-10T09:29:00-04:00", ApiHost.Auditor);
        status.ShouldBe(200);
        ((decimal)s["totalCredit"]!).ShouldBe(0.00m);
        (status, s) = await Send("GET", "/accounts/acme/statements/2026-03?asOf=2026-03-10T09:30:00-04:00", ApiHost.AcmeAlice);
        status.ShouldBe(200);
        ((decimal)s["totalCredit"]!).ShouldBe(1300.00m);
        (status, s) = await Send("GET", "/accounts/acme/statements/2026-03?asOf=2026-03-10T09:30:00", ApiHost.Auditor);
        (status, (string?)s["field"]).ShouldBe((400, "asOf"));
        (await Send("GET", "/accounts/acme/statements/2026-03?asOf=2026-03-10T09:30:00-04:00", ApiHost.GlobexHank)).Status.ShouldBe(404);
    }

    [Fact] // A customer follows its own account's tickets, newest first; other accounts' lists do not exist for it.
    public async Task Ticket_lists_are_scoped_and_paged()
    {
        var (status, acme) = await Send("GET", "/accounts/acme/tickets", ApiHost.AcmeAlice);
        status.ShouldBe(200);
        // Other tests of the class open acme tickets on the shared host: the sample's own is the one checked.
        var ticket = acme["tickets"]!.Single(t => (string)t["ticketId"]! == "T-100");
        ((string)ticket["ticketId"]!, (string)ticket["status"]!, (string)ticket["replacedBy"]!).ShouldBe(("T-100", "Replaced", "TT-100"));
        var trouble = acme["troubleTickets"]!.Single();
        ((string)trouble["troubleTicketId"]!, (string)trouble["status"]!, (string)trouble["creditDecision"]!).ShouldBe(("TT-100", "Closed", "Approved"));

        (await Send("GET", "/accounts/globex/tickets", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/accounts/nobody/tickets", ApiHost.Auditor)).Status.ShouldBe(404);

        var (_, page) = await Send("GET", "/accounts/globex/tickets?take=2", ApiHost.Auditor);
        page["tickets"]!.Select(t => (string)t["ticketId"]!).ShouldBe(["G-3", "G-2"]);
        (_, page) = await Send("GET", "/accounts/globex/tickets?skip=2&take=2", ApiHost.Auditor);
        page["tickets"]!.Select(t => (string)t["ticketId"]!).ShouldBe(["G-1"]);

        foreach (var bad in new[] { "take=0", "take=501", "skip=-1", "take=ten" })
        {
            var (code, problem) = await Send("GET", $"/accounts/globex/tickets?{bad}", ApiHost.Auditor);
            (code, (string)problem["field"]!).ShouldBe((400, bad.Split('=')[0]));
        }
    }

    [Fact] // A customer reads its own credits month by month: policy.md's example in March, zero statements around it.
    public async Task Statements_month_by_month_for_one_account()
    {
        var (status, rows) = await Send("GET", "/accounts/acme/statements?from=2026-02&to=2026-04", ApiHost.AcmeAlice);
        status.ShouldBe(200);
        rows.Select(r => ((string)r["month"]!, (decimal)r["totalCredit"]!)).ShouldBe([("2026-02", 0.00m), ("2026-03", 1300.00m), ("2026-04", 0.00m)]);
        rows[1]!["invoiceMonths"]!.ToObject<string[]>().ShouldBe(["2026-04"]);

        (await Send("GET", "/accounts/globex/statements?from=2026-01&to=2026-03", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/accounts/nobody/statements?from=2026-01&to=2026-03", ApiHost.Auditor)).Status.ShouldBe(404);
        var (bad, problem) = await Send("GET", "/accounts/acme/statements?from=2026-04&to=2026-02", ApiHost.Auditor);
        (bad, (string)problem["field"]!).ShouldBe((400, "to"));
        (bad, problem) = await Send("GET", "/accounts/acme/statements?to=2026-02", ApiHost.Auditor);
        (bad, (string)problem["field"]!).ShouldBe((400, "from"));
    }

    [Theory] // interfaces.md: no key or an unknown key is 401.
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Unknown_callers_are_401(string? key) =>
        (await Send("GET", "/accounts/acme", key)).Status.ShouldBe(401);

    [Fact]
    public async Task Bearer_tokens_are_accepted()
    {
        var result = await _api.Host.Scenario(s =>
        {
            s.Get.Url("/accounts/acme");
            s.WithRequestHeader("Authorization", "Bearer " + ApiHost.Auditor);
            s.StatusCodeShouldBeOk();
        });
        (await result.ReadAsTextAsync()).ShouldContain("alice@acme.example");
    }

    [Fact] // Auditors read everything and command nothing.
    public async Task Auditor_reads_but_cannot_command()
    {
        (await Send("GET", "/accounts/globex/statements/2026-01", ApiHost.Auditor)).Status.ShouldBe(200);
        (await Send("GET", "/trouble-tickets/GTT-1/history", ApiHost.Auditor)).Status.ShouldBe(200);
        (await Send("POST", "/tickets/T-100/escalations", ApiHost.Auditor, """{"priority":"P1"}""")).Status.ShouldBe(403);
        (await Send("POST", "/journal", ApiHost.Auditor, "", "application/x-ndjson")).Status.ShouldBe(403);
    }

    [Fact] // A customer probing other accounts' statements, accounts, tickets and histories learns nothing: 404.
    public async Task Customer_sees_nothing_of_another_account()
    {
        (await Send("GET", "/accounts/acme/statements/2026-03", ApiHost.AcmeAlice)).Status.ShouldBe(200);
        (await Send("GET", "/accounts/acme", ApiHost.AcmeAlice)).Status.ShouldBe(200);
        (await Send("GET", "/trouble-tickets/TT-100/history", ApiHost.AcmeAlice)).Status.ShouldBe(200);

        (await Send("GET", "/accounts/globex/statements/2026-01", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/accounts/globex", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/accounts/no-such-account", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/tickets/G-1/history", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/trouble-tickets/GTT-1/history", ApiHost.AcmeAlice)).Status.ShouldBe(404);
        (await Send("GET", "/trouble-tickets/TT-100/history", ApiHost.GlobexHank)).Status.ShouldBe(404);
        // Commands aimed at another account's records are not found either, and write nothing.
        var before = await CountEventsAsync();
        (await Send("POST", "/trouble-tickets/GTT-2/credit-requests", ApiHost.AcmeAlice, "{}")).Status.ShouldBe(404);
        (await Send("POST", "/tickets", ApiHost.AcmeAlice,
            """{"accountId":"globex","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""")).Status.ShouldBe(404);
        (await CountEventsAsync()).ShouldBe(before);
    }

    [Fact] // A customer acts as its own contact, and may not do back-office work.
    public async Task Customer_acts_as_its_contact_only()
    {
        (await Send("POST", "/tickets", ApiHost.AcmeAlice,
            """{"accountId":"acme","contactId":"mallory@acme.example","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}"""))
            .Status.ShouldBe(403);
        (await Send("POST", "/trouble-tickets/TT-100/assignments", ApiHost.AcmeAlice, """{"agentId":"me"}""")).Status.ShouldBe(403);
        (await Send("POST", "/journal", ApiHost.AcmeAlice, "", "application/x-ndjson")).Status.ShouldBe(403);
        var (status, body) = await Send("POST", "/trouble-tickets/TT-100/credit-requests", ApiHost.AcmeAlice, "{}");
        status.ShouldBe(409);
        ((string)body["reason"]!).ShouldBe("DuplicateRequest");
    }

    [Theory] // Bad input is 400 naming the field, and writes nothing.
    [InlineData("/tickets/T-100/escalations", """{"priority":"P1""", "MalformedLine", null)]
    [InlineData("/tickets/T-100/escalations", """["P1"]""", "MalformedLine", null)]
    [InlineData("/tickets/T-100/escalations", """{"priority":"Urgent"}""", "InvalidValue", "priority")]
    [InlineData("/tickets/T-100/escalations", """{"priority":1}""", "InvalidValue", "priority")]
    [InlineData("/tickets/T-100/escalations", """{}""", "MissingField", "priority")]
    [InlineData("/accounts/acme/rates", """{"monthlyRate":-1,"effectiveMonth":"2026-04"}""", "InvalidValue", "monthlyRate")]
    [InlineData("/accounts/acme/rates", """{"monthlyRate":10,"effectiveMonth":"2026-13"}""", "InvalidValue", "effectiveMonth")]
    [InlineData("/accounts/acme/maintenance-windows", """{"from":"2026-04-01T00:00:00","to":"2026-04-01T01:00:00-04:00"}""", "InvalidInstant", "from")]
    [InlineData("/accounts/acme/contacts", """{"accountId":"globex","contactId":"x"}""", "InvalidValue", "accountId")]
    public async Task Bad_input_is_400_and_writes_nothing(string url, string body, string code, string? field)
    {
        var before = await CountEventsAsync();
        var (status, problem) = await Send("POST", url, ApiHost.BackOffice, body);
        status.ShouldBe(400);
        ((string)problem["code"]!).ShouldBe(code);
        ((string?)problem["field"]).ShouldBe(field);
        ((int)problem["status"]!).ShouldBe(400);
        (await CountEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_query_values_are_400()
    {
        (await Send("GET", "/accounts/acme/statements/March", ApiHost.Auditor)).Status.ShouldBe(400);
        (await Send("GET", "/trouble-tickets/TT-100/history?asOf=2026-03-05T00:00:00", ApiHost.Auditor)).Status.ShouldBe(400);
        (await Send("GET", "/trouble-tickets/TT-100/history?version=zero", ApiHost.Auditor)).Status.ShouldBe(400);
    }

    [Fact] // An oversized body is refused before it is read whole.
    public async Task Oversized_body_is_413()
    {
        var huge = "{\"agentId\":\"" + new string('x', 70_000) + "\"}";
        (await Send("POST", "/trouble-tickets/TT-100/assignments", ApiHost.BackOffice, huge)).Status.ShouldBe(413);
    }

    [Fact] // Domain rejections carry their reason code: 404 unknown, 409 state conflict, 422 policy.
    public async Task Rejections_are_404_409_422()
    {
        var (s1, p1) = await Send("POST", "/tickets/T-404/escalations", ApiHost.BackOffice, """{"priority":"P1"}""");
        (s1, (string)p1["reason"]!).ShouldBe((404, "UnknownTicket"));
        var (s2, p2) = await Send("POST", "/tickets/I-3/closure", ApiHost.BackOffice, "{}");
        (s2, (string)p2["reason"]!).ShouldBe((409, "TicketNotOpen"));
        var (s3, p3) = await Send("POST", "/tickets", ApiHost.BackOffice,
            """{"ticketId":"X-3","accountId":"initech","contactId":"peter@initech.example","channel":"Phone","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        (s3, (string)p3["reason"]!, (bool)p3["recorded"]!).ShouldBe((422, "UnofficialChannel", false));
    }

    [Fact] // Commands are stamped by the server's clock and go through the same decisions as the journal.
    public async Task Accepted_command_returns_its_events()
    {
        var (status, body) = await Send("POST", "/tickets", ApiHost.AcmeAlice,
            """{"accountId":"acme","channel":"Web","priority":"P3","category":"HowTo","releaseStage":"GA"}""");
        status.ShouldBe(201);
        ((string)body["ticketId"]!).ShouldStartWith("T-");
        ((string)body["events"]![0]!["type"]!).ShouldBe("ticket_opened");
        ((string)body["events"]![0]!["data"]!["contactId"]!).ShouldBe("alice@acme.example");
    }

    [Fact] // Concurrent commands on one stream are retried or refused with 409, never a 500, and none is lost.
    public async Task Concurrent_commands_never_500()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Send("POST", "/trouble-tickets/GTT-2/credit-requests", ApiHost.BackOffice, """{"contactId":"hank@globex.example"}""")));
        statuses.ShouldAllBe(s => s.Status == 409 || s.Status == 422);
        statuses.ShouldNotContain(s => s.Status == 500);
    }

    [Fact]
    public async Task OpenApi_and_health_are_served()
    {
        var (status, doc) = await Send("GET", "/openapi/v1.json", null);
        status.ShouldBe(200);
        doc["paths"]!["/accounts/{accountId}/statements/{month}"].ShouldNotBeNull();
        doc["paths"]!["/journal"].ShouldNotBeNull();
        (await Send("GET", "/health", null)).Status.ShouldBe(200);
    }
}
