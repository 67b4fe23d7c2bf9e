using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Host.Cli;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>The Host's verbs, run in-process against a schema of their own.</summary>
[Collection(PostgresCollection.Name)]
public class CliTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static string Example => SamplePath("march-outage.jsonl");

    private async Task<(int Exit, string Out, string Err)> RunWith(string? connection, params string[] args)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Spiisee"] = connection,
            ["Storage:Schema"] = Schema,
        }).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, config);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWith(Database.ConnectionString, args);

    [Fact] // The listed verbs are every verb of the Host, each under the name JasperFx's help and parser give it.
    public void The_verb_catalog_is_complete_and_named_as_JasperFx_names_it()
    {
        var verbs = typeof(CommandCatalog).Assembly.GetExportedTypes()
            .Where(t => t.IsAssignableTo(typeof(IVerbCommand)) && JasperFx.CommandLine.CommandFactory.IsJasperFxCommandType(t));
        CommandCatalog.VerbTypes.ShouldBe(verbs.ToDictionary(JasperFx.CommandLine.CommandFactory.CommandNameFor), ignoreOrder: true);
    }

    [Fact] // docs/interfaces.md: import prints samples/expected/march-outage.results.jsonl and exits 0; the summary goes to stderr.
    public async Task Import_prints_the_documented_results()
    {
        var (exit, stdout, stderr) = await Run("import", Example);
        exit.ShouldBe(0);
        var expected = File.ReadAllLines(ExpectedPath("march-outage.results.jsonl")).Where(l => l.Length > 0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(expected);
        stderr.ShouldContain("lines/s");
    }

    [Fact] // docs/interfaces.md: exit 65 when any line is invalid; the valid lines still take effect.
    public async Task Invalid_lines_exit_65()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"a1","plan":"Standard","monthlyRate":10,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""",
            "",
            """{"at":"2026-02-02T14:00:00","type":"AuthorizeContact","accountId":"a1","contactId":"c"}""",
        ]);
        var (exit, stdout, _) = await Run("import", path);
        exit.ShouldBe(65);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        lines.Select(l => ((int)l["line"]!, (string)l["status"]!)).ShouldBe([(1, "Accepted"), (3, "Invalid")]);
        ((string)lines[1]["reason"]!).ShouldBe("InvalidInstant");
        File.Delete(path);
    }

    [Fact] // A missing file: one line, exit 66, no stack trace.
    public async Task Missing_file_is_one_line()
    {
        var (exit, stdout, stderr) = await Run("import", "/nonexistent/journal.jsonl");
        exit.ShouldBe(66);
        stdout.ShouldBeEmpty();
        stderr.Trim().Split('\n').Length.ShouldBe(1);
        stderr.ShouldContain("not found");
    }

    [Theory] // No database: one line, exit 69, no stack trace; for a query verb too, whose connection opens early.
    [InlineData("import")]
    [InlineData("statement")]
    public async Task Unreachable_database_is_one_line(string verb)
    {
        string[] args = verb == "import" ? ["import", Example] : ["statement", "--account", "acme", "--month", "2026-03"];
        var (exit, _, stderr) = await RunWith("Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2", args);
        exit.ShouldBe(69);
        stderr.Trim().Split('\n').Length.ShouldBe(1);
        stderr.ShouldContain("database cannot be reached");
        stderr.ShouldNotContain("   at ");
    }

    [Fact] // A server that accepts and never answers costs a query one connection timeout, not one per attempt.
    public async Task A_silent_server_is_tried_once()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start(backlog: 16); // connections complete in the backlog and are never answered
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, stderr) = await RunWith($"Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=4", "statement", "--account", "acme", "--month", "2026-03");

        exit.ShouldBe(69);
        stderr.Trim().Split('\n').Length.ShouldBe(1);
        // One attempt waits its 4 s; a second one after it would make at least 8.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task No_connection_string_is_one_line()
    {
        var (exit, _, stderr) = await RunWith(null, "account", "acme");
        exit.ShouldBe(69);
        stderr.ShouldContain("ConnectionStrings__Spiisee");
    }

    [Theory] // A malformed connection string is a configuration error, not a stack trace; also one only Marten refuses.
    [InlineData("this is not a connection string")]
    [InlineData("Host=127.0.0.1,127.0.0.1:1;Port=55432;Username=postgres;Database=spiisee;Load Balance Hosts=true")]
    public async Task Malformed_connection_string_is_one_line(string connection)
    {
        var (exit, _, stderr) = await RunWith(connection, "account", "acme");
        exit.ShouldBe(78);
        stderr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact] // docs/interfaces.md: account shows the agreement extended by R9.
    public async Task Account_after_import()
    {
        await Run("import", Example);
        var (exit, stdout, _) = await Run("account", "acme");
        exit.ShouldBe(0);
        var account = JObject.Parse(stdout);
        ((string)account["maintenanceTo"]!, (string)account["plan"]!, (decimal)account["monthlyRate"]!).ShouldBe(("2027-01-31", "Standard", 2200.00m));
        account["contacts"]!.ToObject<string[]>().ShouldBe(["alice@acme.example"]);
        (await Run("account", "nobody")).Exit.ShouldBe(65);
    }

    [Fact] // History as of an instant and as of a version: the events up to there and the state they produce.
    public async Task History_as_of_an_instant_and_a_version()
    {
        await Run("import", Example);
        var (_, full, _) = await Run("history", "TT-100");
        JObject.Parse(full)["events"]!.Count().ShouldBe(5); // opened, assigned, resolved, closed, approved

        var (_, asOf, _) = await Run("history", "TT-100", "--as-of", "2026-03-09T11:30:00-04:00");
        var cut = JObject.Parse(asOf);
        cut["events"]!.Select(e => (string)e["type"]!).ShouldBe(["trouble_ticket_opened", "trouble_ticket_assigned", "trouble_ticket_resolved"]);
        ((string)cut["state"]!["rootCause"]!).ShouldBe("PlatformDefect");
        cut["state"]!["closedAt"]!.Type.ShouldBe(JTokenType.Null);

        var (_, v2, _) = await Run("history", "T-100", "--version", "2");
        var ticket = JObject.Parse(v2);
        ((string)ticket["state"]!["priority"]!, (string)ticket["state"]!["status"]!).ShouldBe(("P1", "Open"));
        var (_, v3, _) = await Run("history", "T-100");
        ((string)JObject.Parse(v3)["state"]!["status"]!).ShouldBe("Replaced");

        (await Run("history", "TT-100", "--as-of", "2026-03-09T11:30:00")).Exit.ShouldBe(64);
        (await Run("history", "nope")).Exit.ShouldBe(65);
    }

    [Fact] // statement --format table and json; a bad month is a usage error.
    public async Task Statement_formats()
    {
        await Run("import", Example);
        var (exit, json, _) = await Run("statement", "--account", "acme", "--month", "2026-03");
        exit.ShouldBe(0);
        ((decimal)JObject.Parse(json)["totalCredit"]!).ShouldBe(1300.00m);
        var (_, table, _) = await Run("statement", "--account", "acme", "--month", "2026-03", "--format", "table");
        table.ShouldContain("total credit");
        table.ShouldContain("1300.00");
        (await Run("statement", "--account", "acme", "--month", "March")).Exit.ShouldBe(64);
    }

    [Fact] // statement --as-of: what was owed before the approval; no offset is a usage error (R1); before registration, unknown.
    public async Task Statement_as_of()
    {
        await Run("import", Example);
        var (exit, json, _) = await Run("statement", "--account", "acme", "--month", "2026-03", "--as-of", "2026-03-10T09:29:00-04:00");
        exit.ShouldBe(0);
        ((decimal)JObject.Parse(json)["totalCredit"]!).ShouldBe(0.00m);
        (await Run("statement", "--account", "acme", "--month", "2026-03", "--as-of", "2026-03-10T09:29:00")).Exit.ShouldBe(64);
        var (gone, _, error) = await Run("statement", "--account", "acme", "--month", "2026-03", "--as-of", "2026-01-01T00:00:00Z");
        (gone, error.Trim()).ShouldBe((65, "error: unknown account 'acme' as of 2026-01-01T00:00:00Z"));
    }

    [Fact] // report: CSV with a header row, one row per account and month.
    public async Task Credits_report_as_csv()
    {
        await Run("import", Example);
        var (exit, csv, _) = await Run("report", "credits", "--from", "2026-02", "--to", "2026-04", "--format", "csv");
        exit.ShouldBe(0);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldStartWith("accountId,month,currency,monthlyRate");
        rows.Length.ShouldBe(4);
        rows[2].ShouldStartWith("acme,2026-03,USD,2200.00,20,1100.00,2,200.00,1300.00,2026-04,");
        (await Run("report", "nonsense", "--from", "2026-02", "--to", "2026-04")).Exit.ShouldBe(64);
        (await Run("report", "credits", "--from", "2026-04", "--to", "2026-02")).Exit.ShouldBe(64);
    }

    [Fact] // report as JSON: invoice months are a list, empty when nothing is owed (it used to be "" there).
    public async Task Credits_report_as_json_lists_invoice_months()
    {
        await Run("import", Example);
        var (exit, json, _) = await Run("report", "credits", "--from", "2026-02", "--to", "2026-04", "--format", "json");
        exit.ShouldBe(0);
        var rows = JArray.Parse(json);
        rows.Select(r => ((string)r["month"]!, r["invoiceMonths"]!.ShouldBeOfType<JArray>().Count)).ShouldBe([("2026-02", 0), ("2026-03", 1), ("2026-04", 0)]);
        ((string)rows[1]["invoiceMonths"]![0]!).ShouldBe("2026-04");
    }

    [Fact] // The audit timeline says who did what when, in New York time, with decisions' reasons.
    public async Task Timeline_of_a_trouble_ticket()
    {
        await Run("import", Example);
        var (exit, json, _) = await Run("timeline", "TT-100");
        exit.ShouldBe(0);
        var file = JObject.Parse(json);
        var entries = file["entries"]!.ToList();
        ((string)entries[0]["local"]!).ShouldBe("2026-03-02 16:30:00 EST");
        ((string)entries[1]["what"]!).ShouldContain("anchors MTTR");
        ((string)entries[1]["by"]!["id"]!).ShouldBe("agent-7");
        ((string)entries[2]["local"]!).ShouldBe("2026-03-09 11:00:00 EDT");
        ((string)file["creditRequests"]![0]!["decision"]!).ShouldBe("Approved");
        // R12: closed Mon 9 March, so the deadline is the 5th business day after, Mon 16 March.
        ((string)entries[4]["what"]!).ShouldBe("credit request TT-100/request-1 by alice@acme.example approved: requested on 2026-03-10, deadline 2026-03-16 (R12); 2 overdue business day(s)");
        ((string)file["creditRequests"]![0]!["requestDeadline"]!).ShouldBe("2026-03-16");
    }

    [Theory] // Auditors see why a request was refused: a late one names its request day and the deadline it missed (R12),
             // an excluded cause names the cause (R11).
    [InlineData("PlatformDefect", "2026-03-17T00:00:00-04:00", "LateRequest",
        "credit request TT-100/request-1 by alice@acme.example rejected: requested on 2026-03-17, after the deadline 2026-03-16, the 5th business day after the close (R12)")]
    [InlineData("ForceMajeure", "2026-03-16T23:59:00-04:00", "ExcludedCause",
        "credit request TT-100/request-1 by alice@acme.example rejected: root cause ForceMajeure earns no credit (R11)")]
    public async Task Timeline_explains_a_refusal(string cause, string requestedAt, string reason, string what)
    {
        var lines = File.ReadAllLines(Example).Take(8)
            .Select(l => l.Replace("\"rootCause\":\"PlatformDefect\"", $"\"rootCause\":\"{cause}\"", StringComparison.Ordinal))
            .Append($$"""{"at":"{{requestedAt}}","type":"RequestCredit","troubleTicketId":"TT-100","contactId":"alice@acme.example"}""");
        var journal = Path.Combine(Path.GetTempPath(), $"late-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(journal, lines);
        try
        {
            await Run("import", journal);
            var (_, json, _) = await Run("timeline", "TT-100");
            var last = JObject.Parse(json)["entries"]!.Last();
            ((string)last["what"]!).ShouldBe(what);
            ((string)last["reason"]!).ShouldBe(reason);
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Fact] // R14: what-if over the CLI answers the differences and writes nothing; a proposal the command would refuse exits 65.
    public async Task What_if_reports_the_difference_without_writing()
    {
        (await Run("import", Example)).Exit.ShouldBe(0);
        var (exit, stdout, _) = await Run("what-if", "--declare", "2026-03-04", "--name", "Storm day");
        exit.ShouldBe(0, stdout);
        var view = JObject.Parse(stdout);
        var row = view["rows"]!.ShouldHaveSingleItem();
        ((string)row["accountId"]!, (decimal)row["difference"]!).ShouldBe(("acme", -100.00m));
        (await Run("calendar", "--history")).Out.ShouldContain("\"calendarVersion\": 0");

        var (refused, _, err) = await Run("what-if", "--declare", "2026-03-07", "--name", "Saturday");
        (refused, err.Trim()).ShouldBe((65, "error: the change would be refused: NotAWeekday"));
        (await Run("what-if", "--withdraw", "2026-03-04", "--declare", "2026-03-05")).Exit.ShouldBe(64);
    }

    [Fact] // The rebuild verb replays every read model from the events; the statement reads the same afterwards.
    public async Task Rebuild_gives_every_statement_back()
    {
        (await Run("import", Example)).Exit.ShouldBe(0);
        var before = (await Run("statement", "--account", "acme", "--month", "2026-03")).Out;
        JObject.Parse(before)["totalCredit"]!.Value<decimal>().ShouldBe(1300.00m);

        var (exit, stdout, stderr) = await Run("rebuild");

        (exit, stdout).ShouldBe((0, ""));
        stderr.ShouldContain("documents in");
        (await Run("statement", "--account", "acme", "--month", "2026-03")).Out.ShouldBe(before);
    }
}
