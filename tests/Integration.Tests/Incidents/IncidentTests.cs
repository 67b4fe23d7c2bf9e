using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Incidents;

/// <summary>R15 over a journal and real HTTP: incidents, who may read them, and the trouble tickets opened from them.</summary>
[Collection(PostgresCollection.Name)]
public class IncidentTests(PostgresDatabase database)
{
    // Wednesday 10 June 2026, 10:00 EDT.
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 10, 14, 0);
    private const string Ann = "incident-ann-key";
    private const string Wes = "incident-wes-key";

    private static readonly string[] CustomerKeys =
    [
        $"Auth:Keys:2:Key={Ann}", "Auth:Keys:2:Role=Customer", "Auth:Keys:2:Name=ann", "Auth:Keys:2:AccountId=north", "Auth:Keys:2:ContactId=ann@north.example",
        $"Auth:Keys:3:Key={Wes}", "Auth:Keys:3:Role=Customer", "Auth:Keys:3:Name=wes", "Auth:Keys:3:AccountId=west", "Auth:Keys:3:ContactId=wes@west.example",
    ];

    private static string Accounts() => string.Join('\n', new[] { ("north", "ann"), ("south", "sam"), ("west", "wes") }.SelectMany(a => new[]
    {
        $$"""{"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"{{a.Item1}}","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""",
        $$"""{"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"{{a.Item1}}","contactId":"{{a.Item2}}@{{a.Item1}}.example"}""",
    }));

    [Fact] // R15 and R12: the incident's trouble tickets follow R8-R13 like any other; a credit still needs the customer's request.
    public async Task Incident_trouble_tickets_are_judged_like_any_other()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, CustomerKeys);
        var results = await host.ImportAsync(Accounts() + "\n" + """
            {"at":"2026-05-28T13:00:00-04:00","type":"DeclareIncident","incidentId":"INC-7","title":"Order API outage","impact":"Orders fail with 503","accounts":["north","south"],"startedAt":"2026-05-28T12:40:00-04:00"}
            {"at":"2026-05-28T14:00:00-04:00","type":"UpdateIncident","incidentId":"INC-7","status":"Fix deployed to half the fleet"}
            {"at":"2026-05-28T15:00:00-04:00","type":"OpenIncidentTroubleTickets","incidentId":"INC-7"}
            {"at":"2026-06-01T10:00:00-04:00","type":"ResolveTroubleTicket","troubleTicketId":"INC-7.north","rootCause":"PlatformDefect"}
            {"at":"2026-06-01T11:00:00-04:00","type":"CloseTroubleTicket","troubleTicketId":"INC-7.north"}
            {"at":"2026-06-01T10:00:00-04:00","type":"ResolveTroubleTicket","troubleTicketId":"INC-7.south","rootCause":"PlatformDefect"}
            {"at":"2026-06-01T11:00:00-04:00","type":"CloseTroubleTicket","troubleTicketId":"INC-7.south"}
            {"at":"2026-06-01T12:00:00-04:00","type":"ResolveIncident","incidentId":"INC-7","summary":"Fixed at the load balancer"}
            {"at":"2026-06-02T09:00:00-04:00","type":"UpdateIncident","incidentId":"INC-7","status":"after the end"}
            {"at":"2026-06-02T09:00:00-04:00","type":"OpenIncidentTroubleTickets","incidentId":"INC-7"}
            {"at":"2026-06-02T09:00:00-04:00","type":"UpdateIncident","incidentId":"INC-404","status":"nothing"}
            {"at":"2026-06-08T16:59:00-04:00","type":"RequestCredit","troubleTicketId":"INC-7.north","contactId":"ann@north.example"}
            {"at":"2026-06-09T00:00:00-04:00","type":"RequestCredit","troubleTicketId":"INC-7.south","contactId":"sam@south.example"}
            {"at":"2026-06-09T09:00:00-04:00","type":"OpenTicket","ticketId":"T-W1","accountId":"west","contactId":"wes@west.example","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA","incidentId":"INC-7"}
            {"at":"2026-06-09T09:00:00-04:00","type":"OpenTicket","ticketId":"T-N1","accountId":"north","contactId":"ann@north.example","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA","incidentId":"INC-7"}
            """);
        results.Skip(6).Select(r => ((string)r["status"]!, (string?)r["reason"])).ShouldBe([
            ("Accepted", null), ("Accepted", null), ("Accepted", null),
            ("Accepted", null), ("Accepted", null), ("Accepted", null), ("Accepted", null), ("Accepted", null),
            ("Rejected", "IncidentResolved"), ("Rejected", "DuplicateId"), ("Rejected", "UnknownIncident"),
            // R12: closed Monday 1 June, so the 5th business day after is Monday 8 June; Tuesday 9 June is late.
            ("Accepted", null), ("Rejected", "LateRequest"),
            ("Rejected", "UnknownIncident"), ("Accepted", null),
        ]);

        // The approved one counts in its account's statement like any outage; no request, no credit (R12).
        var (_, june, _) = await host.GetAsync("/accounts/north/statements/2026-06");
        june["troubleTickets"]!.ShouldHaveSingleItem()["troubleTicketId"]!.ToString().ShouldBe("INC-7.north");
        ((decimal)(await host.GetAsync("/accounts/south/statements/2026-06")).Body["totalCredit"]!).ShouldBe(0m);
        var (_, timeline, _) = await host.GetAsync("/trouble-tickets/INC-7.north/timeline");
        timeline.ToString().ShouldContain("from incident INC-7");

        // Readers: the affected customer sees it, another account's customer gets 404, staff see the timeline.
        var (status, incident, _) = await host.GetAsync("/incidents/INC-7", Ann);
        status.ShouldBe(200);
        incident["steps"]!.Select(s => (string)s["kind"]!).ShouldBe(["Declared", "Updated", "TroubleTicketsOpened", "Resolved"]);
        // A customer reads nothing of the other accounts: not their ids, trouble tickets or number, nor staff names.
        incident["accounts"]!.Select(a => (string)a!).ShouldBe(["north"]);
        incident["troubleTickets"]!.Select(t => (string)t["troubleTicketId"]!).ShouldBe(["INC-7.north"]);
        incident.ToString().ShouldNotContain("south");
        incident.ToString().ShouldNotContain("BackOffice");
        var (_, staffView, _) = await host.GetAsync("/incidents/INC-7");
        staffView["troubleTickets"]!.Select(t => (string)t["troubleTicketId"]!).ShouldBe(["INC-7.north", "INC-7.south"]);
        (await host.GetAsync("/incidents/INC-7", Wes)).Status.ShouldBe(404);
        (await host.GetAsync("/incidents/INC-404")).Status.ShouldBe(404);
        (await host.GetAsync("/accounts/north/incidents", Ann)).Body.ShouldHaveSingleItem()["incidentId"]!.ToString().ShouldBe("INC-7");
        (await host.GetAsync("/accounts/west/incidents", Wes)).Body.ShouldBeEmpty();
        (await host.GetAsync("/accounts/north/incidents", Wes)).Status.ShouldBe(404);
    }

    [Fact] // R15 over HTTP: an incident for every account, its trouble tickets in one step, and the refusals.
    public async Task An_incident_for_every_account_opens_one_trouble_ticket_each()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, CustomerKeys);
        await host.ImportAsync(Accounts());
        var (status, body, _) = await host.PostAsync("/incidents",
            new { incidentId = "INC-8", title = "Login outage", impact = "Nobody can sign in", startedAt = "2026-06-10T09:30:00-04:00" });
        status.ShouldBe(201, body.ToString());
        (await host.GetAsync("/accounts/west/incidents", Wes)).Body.ShouldHaveSingleItem()["incidentId"]!.ToString().ShouldBe("INC-8");
        (await host.GetAsync("/incidents/INC-8", Wes)).Status.ShouldBe(200);

        (status, body, _) = await host.SendAsync(HttpMethod.Post, "/incidents/INC-8/trouble-tickets", KestrelHost.BackOffice);
        status.ShouldBe(201, body.ToString());
        body["events"]!.Count(e => (string)e["type"]! == "trouble_ticket_opened").ShouldBe(3);
        (await host.GetAsync("/trouble-tickets/INC-8.west/history")).Status.ShouldBe(200);
        (status, body, _) = await host.SendAsync(HttpMethod.Post, "/incidents/INC-8/trouble-tickets", KestrelHost.BackOffice);
        (status, (string)body["reason"]!).ShouldBe((409, "DuplicateId"));

        (status, body, _) = await host.PostAsync("/incidents/INC-9/updates", new { status = "x" });
        (status, (string)body["reason"]!).ShouldBe((404, "UnknownIncident"));
        (status, body, _) = await host.PostAsync("/incidents",
            new { incidentId = "INC-8", title = "again", impact = "x", startedAt = "2026-06-10T09:30:00-04:00" });
        (status, (string)body["reason"]!).ShouldBe((409, "DuplicateId"));
        (status, body, _) = await host.PostAsync("/incidents",
            new { incidentId = "INC-10", title = "x", impact = "x", startedAt = "2026-06-10T09:30:00-04:00", accounts = new[] { "north", "nowhere" } });
        (status, (string)body["reason"]!).ShouldBe((404, "UnknownAccount"));
        (status, body, _) = await host.PostAsync("/incidents",
            new { incidentId = "INC-10", title = "x", impact = "x", startedAt = "2026-06-10T09:30:00-04:00", accounts = "north" });
        (status, (string)body["field"]!).ShouldBe((400, "accounts"));
        (status, body, _) = await host.PostAsync("/incidents",
            new { incidentId = "INC-10", title = "x", impact = "x", startedAt = "2026-06-10T09:30:00-04:00", accounts = Array.Empty<string>() });
        (status, (string)body["field"]!).ShouldBe((400, "accounts"));
        (await host.PostAsync("/incidents", new { incidentId = "INC-11", title = "x", impact = "x", startedAt = "2026-06-10T09:30:00-04:00" }, Ann)).Status.ShouldBe(403);
        // An explicit null is not "every account", and an incident must say something.
        (status, body, _) = await host.SendAsync(HttpMethod.Post, "/incidents", KestrelHost.BackOffice,
            """{"incidentId":"INC-12","title":"x","impact":"x","startedAt":"2026-06-10T09:30:00-04:00","accounts":null}""");
        (status, (string)body["field"]!).ShouldBe((400, "accounts"));
        (status, body, _) = await host.PostAsync("/incidents", new { incidentId = "INC-12", title = "x", impact = " ", startedAt = "2026-06-10T09:30:00-04:00" });
        (status, (string)body["field"]!).ShouldBe((400, "impact"));
    }
}
