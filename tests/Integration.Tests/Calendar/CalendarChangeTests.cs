using Ical.Net;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Host.Cli;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Calendar;

/// <summary>
/// R14 over real HTTP on the worked example: acme's March was issued at 1,300.00 (approved 10 March, invoiced in
/// April). Declaring 4 March a holiday on 12 May moves TT-100's target day to Thursday 5 March; one overdue day stays.
/// </summary>
[Collection(PostgresCollection.Name)]
public class CalendarChangeTests(PostgresDatabase database)
{
    // Tuesday 12 May 2026, 10:00 EDT.
    private static readonly Instant May12 = Instant.FromUtc(2026, 5, 12, 14, 0);

    private static readonly object StormDay = new { date = "2026-03-04", name = "Storm day", reason = "offices closed by the storm" };

    private static async Task<KestrelHost> GivenMarchIssuedAsync(PostgresDatabase database)
    {
        var host = await KestrelHost.StartAsync(database, May12);
        var results = await host.ImportAsync(await File.ReadAllTextAsync(StoreTestBase.SamplePath("march-outage.jsonl")));
        results.ShouldNotContain(r => (string)r["status"]! == "Invalid");
        var (_, march, _) = await host.GetAsync("/accounts/acme/statements/2026-03");
        ((decimal)march["totalCredit"]!).ShouldBe(1300.00m);
        return host;
    }

    [Fact]
    public async Task A_holiday_declared_after_issue_corrects_the_month_without_rewriting_what_was_issued()
    {
        await using var host = await GivenMarchIssuedAsync(database);

        // What-if first: the proposal is judged and compared, nothing is written.
        var (whatIfStatus, whatIf, _) = await host.PostAsync("/calendar/what-if", new { action = "declare", date = "2026-03-04", name = "Storm day" });
        whatIfStatus.ShouldBe(200, whatIf.ToString());
        var row = whatIf["rows"]!.ShouldHaveSingleItem();
        ((string)row["accountId"]!, (string)row["month"]!, (decimal)row["currentTotal"]!, (decimal)row["proposedTotal"]!, (decimal)row["difference"]!)
            .ShouldBe(("acme", "2026-03", 1300.00m, 1200.00m, -100.00m));
        var total = whatIf["grandTotal"]!.ShouldHaveSingleItem();
        ((string)total["currency"]!, (decimal)total["difference"]!).ShouldBe(("USD", -100.00m));
        ((long)(await host.GetAsync("/calendar/history")).Body["calendarVersion"]!).ShouldBe(0);

        // When the back office declares it...
        var (status, body, _) = await host.PostAsync("/calendar/holidays", StormDay);
        status.ShouldBe(201, body.ToString());

        // ...then March shows the issued figures, the corrected ones and the change between them.
        var (_, march, _) = await host.GetAsync("/accounts/acme/statements/2026-03");
        ((decimal)march["totalCredit"]!, (long)march["overdueBusinessDays"]!, (long)march["calendarVersion"]!).ShouldBe((1200.00m, 1L, 1L));
        ((decimal)march["issued"]!["totalCredit"]!, (long)march["issued"]!["overdueBusinessDays"]!).ShouldBe((1300.00m, 2L));
        ((string)march["issued"]!["changedBy"]![0]!["date"]!).ShouldBe("2026-03-04");
        var ledger = march["ledger"]!.Select(l => ((string)l["kind"]!, (decimal)l["amount"]!, (string)l["invoiceMonth"]!)).ToList();
        ledger.ShouldBe([("Credit", 1300.00m, "2026-04"), ("Correction", -100.00m, "2026-06")]);
        var change = march["ledger"]![1]!["calendarChange"]!;
        ((long)change["version"]!, (string)change["reason"]!, (string)change["by"]!["id"]!).ShouldBe((1L, "offices closed by the storm", "BackOffice:backoffice"));
        ((decimal)row["difference"]!).ShouldBe((decimal)march["ledger"]![1]!["amount"]!); // what-if said exactly this

        var table = (string)(await host.GetAsync("/accounts/acme/statements/2026-03?format=table")).Body!;
        table.ShouldContain("under calendar version 0: total 1300.00");
        table.ShouldContain("ledger: correction -100.00 on the 2026-06 invoice, for calendar version 1 (Declared 2026-03-04");

        // As of the instant before the change, the statement is the one that was issued.
        var (_, before, _) = await host.GetAsync("/accounts/acme/statements/2026-03?asOf=2026-05-12T09:59:59-04:00");
        ((decimal)before["totalCredit"]!, before["ledger"]!.Count(), (long)before["calendarVersion"]!).ShouldBe((1300.00m, 1, 0L));
        before["issued"]!.Type.ShouldBe(JTokenType.Null);
        var (_, after, _) = await host.GetAsync("/accounts/acme/statements/2026-03?asOf=2026-05-12T10:00:00-04:00");
        JToken.DeepEquals(after, march).ShouldBeTrue($"as of the change:\n{after}\nnow:\n{march}");

        // The calendar says where the day comes from.
        var (_, year, _) = await host.GetAsync("/calendar?year=2026");
        var storm = year["holidays"]!.Single(h => (string)h["date"]! == "2026-03-04");
        ((string)storm["origin"]!, (string)storm["name"]!, (string)storm["declaredBy"]!["id"]!).ShouldBe(("Declared", "Storm day", "BackOffice:backoffice"));
        year["holidays"]!.Count(h => (string)h["origin"]! == "Federal").ShouldBe(11);

        // A rebuild of every projection reproduces every document and the statement byte for byte.
        var documents = await Projected.SnapshotAsync(host.Store);
        await Projected.RebuildAsync(host.Store, Projected.ProjectionNames);
        (await Projected.SnapshotAsync(host.Store)).ShouldBeSameDocuments(documents);
        // And the one-pass rebuild agrees with both.
        await new Spiisee.EventSourced.Projections.Storage.OnePassRebuild(host.Store).RunAsync(null, default);
        (await Projected.SnapshotAsync(host.Store)).ShouldBeSameDocuments(documents);
        (await host.GetAsync("/accounts/acme/statements/2026-03")).Body.ToString().ShouldBe(march.ToString());

        // Withdrawn in July, the day comes back as a positive correction on August's invoice.
        host.Clock.Reset(Instant.FromUtc(2026, 7, 31, 14, 0));
        (await host.PostAsync("/calendar/holidays/2026-03-04/withdrawal", new { reason = "the storm closure is not a holiday after all" })).Status.ShouldBe(201);
        var (_, withdrawn, _) = await host.GetAsync("/accounts/acme/statements/2026-03");
        ((decimal)withdrawn["totalCredit"]!).ShouldBe(1300.00m);
        withdrawn["ledger"]!.Select(l => ((string)l["kind"]!, (decimal)l["amount"]!, (string)l["invoiceMonth"]!))
            .ShouldBe([("Credit", 1300.00m, "2026-04"), ("Correction", -100.00m, "2026-06"), ("Correction", 100.00m, "2026-08")]);
    }

    [Fact] // R14's refusals, and only the back office changes the calendar.
    public async Task Calendar_commands_are_judged_and_authorized()
    {
        await using var host = await KestrelHost.StartAsync(database, May12);
        (await host.PostAsync("/calendar/holidays", StormDay)).Status.ShouldBe(201);

        var (status, body, _) = await host.PostAsync("/calendar/holidays", StormDay);
        (status, (string)body["reason"]!).ShouldBe((409, "DuplicateHoliday"));
        (status, body, _) = await host.PostAsync("/calendar/holidays", new { date = "2026-03-07", name = "Saturday" });
        (status, (string)body["reason"]!).ShouldBe((422, "NotAWeekday"));
        (status, body, _) = await host.PostAsync("/calendar/holidays/2026-03-05/withdrawal", new { });
        (status, (string)body["reason"]!).ShouldBe((422, "NotAHoliday"));
        (status, body, _) = await host.PostAsync("/calendar/holidays", new { date = "2026-02-30", name = "x" });
        (status, (string)body["field"]!).ShouldBe((400, "date"));
        (status, body, _) = await host.PostAsync("/calendar/holidays", new { date = "2026-03-05", name = "  " });
        (status, (string)body["field"]!).ShouldBe((400, "name"));
        (await host.PostAsync("/calendar/holidays", new { date = "2026-03-05", name = "x" }, KestrelHost.Auditor)).Status.ShouldBe(403);
        (await host.PostAsync("/calendar/what-if", new { action = "declare", date = "2026-03-04", name = "x" })).Body["reason"]!.ToString().ShouldBe("DuplicateHoliday");

        // In a journal, with the line's own instant (received a little later).
        host.Clock.Reset(Instant.FromUtc(2026, 5, 13, 14, 0));
        var results = await host.ImportAsync("""
            {"at": "2026-05-13T09:00:00-04:00", "type": "DeclareHoliday", "date": "2026-03-05", "name": "Storm day 2"}
            {"at": "2026-05-13T09:00:00-04:00", "type": "WithdrawHoliday", "date": "2026-03-06"}
            {"at": "2026-05-01T09:00:00-04:00", "type": "WithdrawHoliday", "date": "2026-03-05"}
            """);
        results.Select(r => ((string)r["status"]!, (string?)r["reason"])).ShouldBe([("Accepted", null), ("Rejected", "NotAHoliday"), ("Rejected", "OutOfOrder")]);
        var (_, history, _) = await host.GetAsync("/calendar/history");
        history["changes"]!.Select(c => ((long)c["version"]!, (string)c["kind"]!, (string)c["date"]!)).ShouldBe([(1L, "Declared", "2026-03-04"), (2L, "Declared", "2026-03-05")]);

        // A withdrawal needs no body at all; a declaration without one names its first missing field.
        host.Clock.Reset(Instant.FromUtc(2026, 5, 14, 14, 0));
        (await host.SendAsync(HttpMethod.Post, "/calendar/holidays/2026-03-05/withdrawal", KestrelHost.BackOffice)).Status.ShouldBe(201);
        (status, body, _) = await host.SendAsync(HttpMethod.Post, "/calendar/holidays", KestrelHost.BackOffice);
        (status, (string)body["code"]!, (string)body["field"]!).ShouldBe((400, "MissingField", "date"));
    }

    [Fact] // iCalendar: the export parses as all-day events, and importing it into an empty store declares the same days.
    public async Task The_ics_export_round_trips_through_calendar_import()
    {
        await using var host = await KestrelHost.StartAsync(database, May12);
        (await host.PostAsync("/calendar/holidays", StormDay)).Status.ShouldBe(201);
        (await host.PostAsync("/calendar/holidays/2026-12-25/withdrawal", new { reason = "worked" })).Status.ShouldBe(201);
        var (status, ics, response) = await host.GetAsync("/calendar.ics?from=2026&to=2026");
        status.ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var parsed = Ical.Net.Calendar.Load((string)ics!)!;
        var days = parsed.Events.Select(e => (e.DtStart!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Summary)).ToList();
        days.Count.ShouldBe(11);
        days.ShouldContain(("2026-03-04", "Storm day"));
        days.ShouldNotContain(d => d.Item1 == "2026-12-25");
        parsed.Events.ShouldAllBe(e => !e.DtStart!.HasTime);

        // Import into an empty store: the declared day is accepted, federal days are duplicates there, the withdrawn one is new.
        var file = Path.Combine(Path.GetTempPath(), $"spiisee-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, (string)ics!);
        var schema = PostgresDatabase.NewSchemaName();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Spiisee"] = database.ConnectionString,
            ["Storage:Schema"] = schema,
        }).Build();
        try
        {
            await ImportsIntoAnEmptyStore(file, config);
        }
        finally
        {
            File.Delete(file);
            await database.DropSchemaAsync(schema);
        }
    }

    private static async Task ImportsIntoAnEmptyStore(string file, IConfiguration config)
    {
        var stdout = new StringWriter();
        var exit = await CliApp.RunAsync(["calendar", "import", file], stdout, new StringWriter(), config);
        exit.ShouldBe(0, stdout.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        lines.Count.ShouldBe(11);
        lines.Where(l => (string)l["status"]! == "Accepted").Select(l => (string)l["date"]!).ShouldBe(["2026-03-04"]);
        lines.Where(l => (string)l["status"]! == "Rejected").ShouldAllBe(l => (string)l["reason"]! == "DuplicateHoliday");

        stdout = new StringWriter();
        (await CliApp.RunAsync(["calendar", "--year", "2026"], stdout, new StringWriter(), config)).ShouldBe(0);
        var imported = JObject.Parse(stdout.ToString());
        imported["holidays"]!.Select(h => (string)h["date"]!).ShouldContain("2026-03-04");
        imported["holidays"]!.Count().ShouldBe(12); // the 11 federal days there, plus the declared one
    }

    [Fact] // Parallel back-office changes are all recorded, in order, each dated when it was decided; none is refused as out of order.
    public async Task Parallel_declarations_of_different_days_are_all_recorded()
    {
        await using var host = await KestrelHost.StartAsync(database, May12);
        host.Clock.AutoAdvance = Duration.FromMilliseconds(1); // every reading of the clock is later than the one before
        var days = Enumerable.Range(0, 30).Select(d => new LocalDate(2026, 4, 1).PlusDays(d)).Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday).ToList();
        using var start = new SemaphoreSlim(0);
        var posts = days.Select(d => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await host.PostAsync("/calendar/holidays", new { date = d.ToString("yyyy-MM-dd", null), name = "parallel" });
        })).ToList();
        start.Release(posts.Count);
        foreach (var (status, body, _) in await Task.WhenAll(posts))
        {
            status.ShouldBeOneOf([201, 409], body.ToString());
            if (status == 409)
            {
                ((string)body["reason"]!).ShouldBe("ConcurrencyConflict"); // retried and still losing: said so, never a policy refusal
            }
        }
        var changes = (await host.GetAsync("/calendar/history")).Body["changes"]!.ToList();
        changes.Count.ShouldBeGreaterThan(days.Count / 2);
        changes.Select(c => (long)c["version"]!).ShouldBe(Enumerable.Range(1, changes.Count).Select(v => (long)v));
        var instants = changes.Select(c => c["at"]!.Value<DateTime>()).ToList();
        instants.ShouldBe(instants.Order().ToList());
    }

    [Fact] // Hostile calendar input gets a specific 400, and a journal cannot date a calendar change in the future.
    public async Task Hostile_calendar_input_is_refused_specifically()
    {
        await using var host = await KestrelHost.StartAsync(database, May12);
        foreach (var (body, code) in new[]
        {
            ("""{"date":"2026-03-04","name":"\u200b"}""", "InvalidCharacter"),
            ("""{"date":"2026-03-04","name":"Storm\nBEGIN:VEVENT"}""", "InvalidCharacter"),
            ("""{"date":"2026-03-04","name":"Storm\u2028day"}""", "InvalidCharacter"),
            ("""{"date":"2026-03-04","name":"x","date":"2026-03-05"}""", "DuplicateField"),
            ($$"""{"date":"2026-03-04","name":"{{new string('n', 300)}}"}""", "TooLong"),
        })
        {
            var (status, problem, _) = await host.SendAsync(HttpMethod.Post, "/calendar/holidays", KestrelHost.BackOffice, body);
            (status, (string)problem["code"]!).ShouldBe((400, code), body);
            if (code == "TooLong")
            {
                ((string)problem["detail"]!).ShouldContain("at most 200 characters");
            }
        }
        var results = await host.ImportAsync("""
            {"at": "2026-06-01T09:00:00-04:00", "type": "DeclareHoliday", "date": "2026-03-04", "name": "From the future"}
            {"at": "2026-05-12T09:00:00-04:00", "type": "DeclareHoliday", "date": "2026-03-04", "name": "Storm day", "name": "twice"}
            {"at": "2026-05-12T09:00:00-04:00", "type": "DeclareHoliday", "date": "2026-03-04", "name": "Storm day"}
            """);
        results.Select(r => ((string)r["status"]!, (string?)r["reason"])).ShouldBe([("Rejected", "FutureDated"), ("Invalid", "DuplicateField"), ("Accepted", null)]);
        (await host.PostAsync("/calendar/holidays", new { date = "2026-03-05", name = "next" })).Status.ShouldBe(201);
    }
}
