using Marten;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Api;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Notices;

/// <summary>R15's notices through Wolverine's durable outbox to a real SMTP server in the test process.</summary>
[Collection(PostgresCollection.Name)]
public class NoticeTests(PostgresDatabase database)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 10, 14, 0);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // north: ann from the start, amy authorized after the declaration; south: sam, revoked before the update.
    private const string Journal = """
        {"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"north","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}
        {"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"north","contactId":"ann@north.example"}
        {"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"south","plan":"Premium","monthlyRate":5000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}
        {"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"south","contactId":"sam@south.example"}
        {"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"west","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}
        {"at":"2026-05-01T14:01:00Z","type":"AuthorizeContact","accountId":"west","contactId":"wes@west.example"}
        {"at":"2026-05-28T13:00:00-04:00","type":"DeclareIncident","incidentId":"INC-7","title":"Order API outage","impact":"Orders fail with 503","accounts":["north","south"],"startedAt":"2026-05-28T12:40:00-04:00"}
        {"at":"2026-05-28T13:30:00-04:00","type":"AuthorizeContact","accountId":"north","contactId":"amy@north.example"}
        {"at":"2026-05-28T13:30:00-04:00","type":"RevokeContact","accountId":"south","contactId":"sam@south.example"}
        {"at":"2026-05-28T14:00:00-04:00","type":"UpdateIncident","incidentId":"INC-7","status":"Fix deployed to half the fleet"}
        {"at":"2026-05-28T15:00:00-04:00","type":"ResolveIncident","incidentId":"INC-7","summary":"Fixed at the load balancer"}
        """;

    [Fact] // One email per contact per notice, to the contacts authorized at that notice's instant, in Eastern Time.
    public async Task Each_notice_reaches_the_contacts_authorized_at_its_instant_once()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var host = await KestrelHost.StartAsync(database, Now, smtp.HostSettings);
        (await host.ImportAsync(Journal)).ShouldAllBe(r => (string)r["status"]! == "Accepted");

        var mail = await smtp.WaitForAsync(6, Patience);
        var sent = mail.Select(m => (Kind: m.Subject!.Split(']')[1].Trim().Split(':')[0], To: m.To.Mailboxes.Single().Address)).OrderBy(x => x.Kind).ThenBy(x => x.To).ToList();
        sent.ShouldBe([
            ("Declared", "ann@north.example"), ("Declared", "sam@south.example"),
            ("Resolved", "amy@north.example"), ("Resolved", "ann@north.example"),
            ("Updated", "amy@north.example"), ("Updated", "ann@north.example"),
        ]);
        mail.Select(m => m.MessageId).Distinct().Count().ShouldBe(6);
        var declared = mail.Single(m => m.Subject!.Contains("Declared") && m.To.Mailboxes.Single().Address == "ann@north.example");
        declared.Subject.ShouldBe("[Spiisee incident INC-7] Declared: Order API outage");
        declared.TextBody!.ShouldContain("Impact: Orders fail with 503");
        declared.TextBody!.ShouldContain("Thursday 28 May 2026 13:00 EDT (Eastern Time)");
        declared.HtmlBody!.ShouldContain("<td>Orders fail with 503</td>");
        declared.TextBody!.ShouldContain("Started: Thursday 28 May 2026 12:40 EDT (Eastern Time)");
        // Mailed in the order decided: a contact reads the declaration first and the resolution last.
        mail.Where(m => m.To.Mailboxes.Single().Address == "ann@north.example").Select(m => m.Subject!.Split(']')[1].Trim().Split(':')[0])
            .ShouldBe(["Declared", "Updated", "Resolved"]);
        mail.Single(m => m.Subject!.Contains("Resolved") && m.To.Mailboxes.Single().Address == "ann@north.example").TextBody!.ShouldContain("Status: Resolved: Fixed at the load balancer");

        // The back office sees each delivery; nothing is sent twice, even after a while.
        await Task.Delay(1000);
        smtp.Received.Count.ShouldBe(6);
        var (status, notices, _) = await host.GetAsync("/notices?status=sent&incidentId=INC-7", KestrelHost.BackOffice);
        status.ShouldBe(200);
        notices.Count().ShouldBe(6);
        notices.ShouldAllBe(n => (int)n["attempts"]! == 1 && n["sentAt"]!.Type != JTokenType.Null);
        (await host.GetAsync("/notices", KestrelHost.Auditor)).Status.ShouldBe(403);
        (await host.GetAsync("/notices?status=lost", KestrelHost.BackOffice)).Status.ShouldBe(400);
    }

    [Fact] // SMTP refusals are retried with backoff and deliver once; after the last attempt the notice is dead-lettered, then re-sent on demand.
    public async Task Refusals_are_retried_then_dead_lettered_and_resent()
    {
        await using var smtp = InProcessSmtp.Start();
        smtp.RefuseNext = 2;
        await using var host = await KestrelHost.StartAsync(database, Now, [.. smtp.HostSettings, "Notices:RetryDelaysSeconds:0=1", "Notices:RetryDelaysSeconds:1=1"]);
        await host.ImportAsync(string.Join('\n', Journal.Split('\n').Take(7)));

        (await smtp.WaitForAsync(2, Patience)).Count.ShouldBe(2);
        await Task.Delay(1500);
        smtp.Received.Count.ShouldBe(2); // the refused attempts were not counted as deliveries, and nothing came twice
        var (_, notices, _) = await host.GetAsync("/notices?incidentId=INC-7", KestrelHost.BackOffice);
        notices.ShouldAllBe(n => (string)n["status"]! == "Sent");
        notices.Sum(n => (int)n["attempts"]!).ShouldBe(4); // two refusals, then one success each

        // Every attempt refused: dead-lettered with the reason, visible, and re-sent once the server takes mail again.
        smtp.RefuseNext = 1_000;
        (await host.PostAsync("/incidents/INC-7/updates", new { status = "Still degraded" })).Status.ShouldBe(201);
        JToken failed = new JArray();
        for (var i = 0; i < 60 && failed.Count() < 2; i++)
        {
            await Task.Delay(500);
            failed = (await host.GetAsync("/notices?status=failed", KestrelHost.BackOffice)).Body;
        }
        failed.Count().ShouldBe(2);
        failed.ShouldAllBe(n => (int)n["attempts"]! == 3 && ((string)n["lastError"]!).Contains("try again later"));
        smtp.RefuseNext = 0;
        foreach (var notice in failed)
        {
            var (status, body, _) = await host.PostAsync($"/notices/{notice["id"]}/resend", new { reason = "mail server back" });
            status.ShouldBe(202, body.ToString());
            ((string)body["resentBecause"]!).ShouldBe("mail server back");
        }
        (await smtp.WaitForAsync(4, Patience)).Count.ShouldBe(4);
        (await host.GetAsync("/notices?status=failed", KestrelHost.BackOffice)).Body.ShouldBeEmpty();
        var first = (string)failed[0]!["id"]!;
        (await host.SendAsync(HttpMethod.Post, $"/notices/{first}/resend", KestrelHost.BackOffice)).Status.ShouldBe(409);
    }

    [Fact] // With no SMTP server, notices are recorded as pending, said once at start; a host started later with one delivers them.
    public async Task Without_smtp_notices_wait_and_a_later_host_delivers_them()
    {
        var schema = PostgresDatabase.NewSchemaName();
        await using (var first = await KestrelHost.StartAsync(database, Now, schema: schema))
        {
            await first.ImportAsync(string.Join('\n', Journal.Split('\n').Take(7)));
            JToken pending = new JArray();
            for (var i = 0; i < 60 && pending.Count() < 2; i++)
            {
                await Task.Delay(500);
                pending = (await first.GetAsync("/notices?status=pending", KestrelHost.BackOffice)).Body;
            }
            pending.Count().ShouldBe(2);
            first.Logs.Entries.Count(e => e.Message.Contains("No SMTP server configured")).ShouldBe(1);
        }
        await using var smtp = InProcessSmtp.Start();
        await using var second = await KestrelHost.StartAsync(database, Now, smtp.HostSettings, schema);
        (await smtp.WaitForAsync(2, Patience)).Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe(["ann@north.example", "sam@south.example"]);
        await database.DropSchemaAsync(schema);
    }

    [Fact] // Durable delivery: a host killed (SIGKILL) once the notices are committed but not yet sent; the next host delivers each once.
    public async Task A_host_killed_after_the_commit_delivers_after_restart()
    {
        var schema = PostgresDatabase.NewSchemaName();
        await using var smtp = InProcessSmtp.Start();
        smtp.RefuseNext = int.MaxValue; // the first host's attempts all fail, so nothing is sent before the kill
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Spiisee"] = database.ConnectionString,
            ["Storage__Schema"] = schema,
            ["Auth__Keys__0__Key"] = "kill-backoffice",
            ["Auth__Keys__0__Role"] = "BackOffice",
            ["Auth__Keys__0__Name"] = "backoffice",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Notices__RetryDelaysSeconds__0"] = "2",
            ["Notices__RetryDelaysSeconds__1"] = "2",
            ["Notices__RetryDelaysSeconds__2"] = "2",
        };
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/journal")
            {
                Content = new StringContent(string.Join('\n', Journal.Split('\n').Take(7)), System.Text.Encoding.UTF8, "application/x-ndjson"),
            };
            request.Headers.Add("X-Api-Key", "kill-backoffice");
            (await first.Client.SendAsync(request)).EnsureSuccessStatusCode();
            // Wait until both deliveries are committed and have failed once: a retry is then scheduled, durably.
            await using var store = Spiisee.EventSourced.Projections.Storage.StoreConfiguration.Create(database.ConnectionString, schema, JasperFx.AutoCreate.None);
            for (var i = 0; i < 120; i++)
            {
                await using var session = store.QuerySession();
                var attempted = await session.Query<Spiisee.EventSourced.Projections.Notices.NoticeDelivery>().CountAsync(n => n.Attempts >= 1);
                if (attempted == 2)
                {
                    break;
                }
                await Task.Delay(250);
            }
            first.Kill();
        }
        smtp.Received.ShouldBeEmpty();

        smtp.RefuseNext = 0;
        await using var second = await ServerProcess.StartAsync(settings);
        (await smtp.WaitForAsync(2, TimeSpan.FromSeconds(120))).Select(m => m.To.Mailboxes.Single().Address).Order()
            .ShouldBe(["ann@north.example", "sam@south.example"]);
        await Task.Delay(3000);
        smtp.Received.Count.ShouldBe(2);
        await database.DropSchemaAsync(schema);
    }

    [Fact] // A contact id that is no plain email address is never mailed: its delivery fails at once, the others go out.
    public async Task Contacts_that_are_no_email_address_are_not_mailed()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var host = await KestrelHost.StartAsync(database, Now, smtp.HostSettings);
        var lines = Journal.Split('\n').Take(6).Concat(new[]
        {
            """{"at":"2026-05-02T14:01:00Z","type":"AuthorizeContact","accountId":"north","contactId":"not-an-email"}""",
            """{"at":"2026-05-02T14:01:00Z","type":"AuthorizeContact","accountId":"north","contactId":"Boss <evil@attacker.example>"}""",
            """{"at":"2026-05-28T13:00:00-04:00","type":"DeclareIncident","incidentId":"INC-9","title":"Outage","impact":"503s","accounts":["north"],"startedAt":"2026-05-28T12:40:00-04:00"}""",
        });
        (await host.ImportAsync(string.Join('\n', lines))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await smtp.WaitForAsync(1, Patience)).Single().To.Mailboxes.Single().Address.ShouldBe("ann@north.example");
        JToken failed = new JArray();
        for (var i = 0; i < 60 && failed.Count() < 2; i++)
        {
            await Task.Delay(250);
            failed = (await host.GetAsync("/notices?status=failed", KestrelHost.BackOffice)).Body;
        }
        failed.Select(n => (string)n["contactId"]!).Order().ShouldBe(["Boss <evil@attacker.example>", "not-an-email"]);
        failed.ShouldAllBe(n => (int)n["attempts"]! == 1 && ((string)n["lastError"]!).Contains("not an email address"));
        var (status, body, _) = await host.PostAsync($"/notices/{failed[0]!["id"]}/resend", new { });
        (status, (string)body["reason"]!).ShouldBe((422, "NotAnEmailAddress"));
        await Task.Delay(500);
        smtp.Received.Count.ShouldBe(1);
    }
}
