using System.Text;
using Newtonsoft.Json.Linq;
using Npgsql;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Integration.Tests.Journal;

/// <summary>
/// A journal with hostile lines among good ones: each hostile line is Invalid with a specific code and the field at
/// fault, and every good line is imported exactly as it is without them.
/// </summary>
[Collection(PostgresCollection.Name)]
public class HostileJournalTests(PostgresDatabase database) : StoreTestBase(database)
{
    private const string Register = """{"at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"acme","plan":"Standard","monthlyRate":2200.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""";

    private static readonly string[] Good =
    [
        Register,
        """{"at":"2026-02-02T14:01:00Z","type":"AuthorizeContact","accountId":"acme","contactId":"alice"}""",
        """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA","summary":"tabs\tand\nnewlines are fine"}""",
        """{"at":"2026-03-02T16:30:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-1","replacesTicketId":"T-1","kind":"Outage"}""",
        """{"at":"2026-03-09T12:00:00-04:00","type":"CloseTroubleTicket","troubleTicketId":"TT-1","rootCause":"PlatformDefect"}""",
        """{"at":"2026-03-10T09:30:00-04:00","type":"RequestCredit","troubleTicketId":"TT-1","contactId":"alice"}""",
        """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":999999999.99,"effectiveMonth":"2026-05"}""",
    ];

    /// <summary>
    /// The good lines' March credit, from docs/policy.md: no assignment, so MTTR is anchored at the trouble ticket's opening
    /// on Mon 2 March, T = Tue 3 March, and Wed 4, Thu 5 and Fri 6 March passed unresolved (R9): 3 x 2,200/22 = 300.00.
    /// Downtime 2 March 16:30 EST to 9 March 12:00 EDT is 162.5 h, 20 increments, capped at 1,100.00 (R13). 1,400.00 in all.
    /// </summary>
    private const decimal MarchCredit = 1400.00m;

    /// <summary>Each hostile line, the code it must get, and the field at fault (null when the line itself is at fault).</summary>
    private static readonly (string Label, string Line, string Code, string? Field)[] Hostile =
    [
        ("NUL in free text", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-9","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA","summary":"nul\u0000here"}""", "InvalidCharacter", "summary"),
        ("NUL in an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T\u00009","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "ticketId"),
        ("zero-width space in an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-9","accountId":"ac\u200Bme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "accountId"),
        ("dot-dot as an id", """{"at":"2026-01-05T12:00:00Z","type":"RegisterAccount","accountId":"..","plan":"Standard","monthlyRate":100.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""", "InvalidValue", "accountId"),
        ("dot as an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":".","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidValue", "ticketId"),
        ("bidi override in an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-\u202E9","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "ticketId"),
        ("BOM in an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"\uFEFFT-9","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "ticketId"),
        ("lone surrogate in an id", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-\uD800","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "ticketId"),
        ("bell in a channel", """{"at":"2026-03-02T14:05:00-05:00","type":"OpenTicket","ticketId":"T-9","accountId":"acme","contactId":"alice","channel":"Web\u0007","priority":"P1","category":"Incident","releaseStage":"GA"}""", "InvalidCharacter", "channel"),
        ("money past long", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":9223372036854775808,"effectiveMonth":"2026-05"}""", "OutOfRange", "monthlyRate"),
        ("money 1e30", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":1e30,"effectiveMonth":"2026-05"}""", "OutOfRange", "monthlyRate"),
        ("money 10^9", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":1000000000,"effectiveMonth":"2026-05"}""", "OutOfRange", "monthlyRate"),
        ("money with three decimals", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":10.001,"effectiveMonth":"2026-05"}""", "InvalidValue", "monthlyRate"),
        ("money zero", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":0,"effectiveMonth":"2026-05"}""", "InvalidValue", "monthlyRate"),
        ("instant in year 9999", """{"at":"9999-12-31T23:59:59-18:00","type":"AuthorizeContact","accountId":"acme","contactId":"eve"}""", "OutOfRange", "at"),
        ("instant before 2000", """{"at":"1999-12-31T23:59:59Z","type":"AuthorizeContact","accountId":"acme","contactId":"eve"}""", "OutOfRange", "at"),
        ("NUL after an instant", """{"at":"2026-04-01T09:00:00Z\u0000junk","type":"AuthorizeContact","accountId":"acme","contactId":"eve"}""", "InvalidCharacter", "at"),
        ("NUL after a date", """{"at":"2026-04-01T09:00:00-04:00","type":"RenewMaintenance","accountId":"acme","maintenanceTo":"2026-06-30\u0000junk"}""", "InvalidCharacter", "maintenanceTo"),
        ("date after 2100", """{"at":"2026-04-01T09:00:00-04:00","type":"RenewMaintenance","accountId":"acme","maintenanceTo":"2101-01-01"}""", "OutOfRange", "maintenanceTo"),
        ("window ending in 9999", """{"at":"2026-04-01T09:00:00-04:00","type":"ScheduleMaintenanceWindow","accountId":"acme","from":"2026-04-01T00:00:00Z","to":"9999-12-31T00:00:00Z"}""", "OutOfRange", "to"),
        ("month 9999-12", """{"at":"2026-04-01T09:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":10,"effectiveMonth":"9999-12"}""", "OutOfRange", "effectiveMonth"),
        ("id with surrounding space", """{"at":"2026-04-01T09:00:00-04:00","type":"AuthorizeContact","accountId":"acme","contactId":" alice"}""", "InvalidValue", "contactId"),
        ("10 KB id", $$"""{"at":"2026-04-01T09:00:00-04:00","type":"AuthorizeContact","accountId":"acme","contactId":"{{new string('c', 10_240)}}"}""", "TooLong", "contactId"),
        ("129-character command id", $$"""{"at":"2026-04-01T09:00:00-04:00","type":"AuthorizeContact","accountId":"acme","contactId":"c","id":"{{new string('i', 129)}}"}""", "TooLong", "id"),
        ("4001-character reason", $$"""{"at":"2026-04-01T09:00:00-04:00","type":"EscalateTicket","ticketId":"T-1","priority":"P1","reason":"{{new string('r', 4_001)}}"}""", "TooLong", "reason"),
        ("2 MB line", $$"""{"at":"2026-04-01T09:00:00-04:00","type":"CloseTicket","ticketId":"T-1","resolution":"{{new string('r', 2 * 1024 * 1024)}}"}""", "LineTooLong", null),
        ("5,000-character type", $$"""{"at":"2026-04-01T09:00:00-04:00","type":"{{new string('X', 5_000)}}"}""", "TooLong", "type"),
    ];

    public static TheoryData<string> Cases => new(Hostile.Select(h => h.Label));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_line_is_invalid_on_its_own(string label)
    {
        var (_, hostile, code, field) = Hostile.Single(h => h.Label == label);
        // Given the good lines with the hostile one in their middle
        var journal = Good.Take(3).Append(hostile).Concat(Good.Skip(3)).ToList();

        // When it is imported
        var (results, summary) = await ImportAsync(string.Join('\n', journal));

        // Then only that line is Invalid, naming its field, and every good line got what it gets on its own
        var bad = results.Single(r => r.Line == 4);
        (bad.Status, bad.Reason, bad.Field).ShouldBe((LineStatus.Invalid, code, field), bad.Message);
        bad.Message!.Length.ShouldBeLessThan(300, "a message quotes at most a little of the input");
        summary.Invalid.ShouldBe(1);
        results.Where(r => r.Line != 4).Select(r => r.Status).ShouldAllBe(s => s == LineStatus.Accepted);
        results.Count.ShouldBe(Good.Length + 1);
        ((decimal)(await Projected.StatementAsync(Store, "acme", "2026-03"))["totalCredit"]!).ShouldBe(MarchCredit);
    }

    [Fact] // An id longer than free text may be is refused with an id's limit, which is what the sender must meet.
    public async Task An_overlong_id_is_told_the_limit_of_an_id()
    {
        // Given a command id and a contact id each longer than free text's 4,000 characters
        var lines = new[]
        {
            $$"""{"at":"2026-04-01T09:00:00-04:00","type":"AuthorizeContact","accountId":"acme","contactId":"c","id":"{{new string('i', 100_000)}}"}""",
            $$"""{"at":"2026-04-01T09:00:00-04:00","type":"AuthorizeContact","accountId":"acme","contactId":"{{new string('c', 10_240)}}"}""",
        };

        // When they are imported
        var (results, _) = await ImportAsync(string.Join('\n', lines));

        // Then each is TooLong, saying the limit of an id
        results.Select(r => (r.Status, r.Reason, r.Field)).ShouldBe([(LineStatus.Invalid, "TooLong", "id"), (LineStatus.Invalid, "TooLong", "contactId")]);
        results[0].Message.ShouldBe("id must be at most 128 characters, not 100000");
        results[1].Message.ShouldBe("contactId must be at most 128 characters, not 10240");
    }

    [Fact] // Bytes that are not UTF-8 spoil their own line only.
    public async Task A_line_that_is_not_utf8_is_invalid_on_its_own()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Register + "\n"));
        bytes.AddRange([(byte)'{', 0xC3, 0x28, 0xFF, (byte)'}', (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes(Good[1] + "\r\n"));
        var results = new List<LineResult>();
        var importer = new JournalImporter(Store, Domain.Decisions.Actor.System("journal"));
        await importer.ImportAsync(new MemoryStream(bytes.ToArray()), r => { results.Add(r); return ValueTask.CompletedTask; }, null, default);
        results.Select(r => (r.Line, r.Status, r.Reason)).ShouldBe(
            [(1, LineStatus.Accepted, null), (2, LineStatus.Invalid, InvalidCodes.InvalidEncoding), (3, LineStatus.Accepted, null)]);
    }

    [Theory] // A value the database refuses though it passed validation: the batch is split until that line stands alone.
    [InlineData(500)] // the whole journal one batch
    [InlineData(1)]   // and batches small enough that the ones after the refused line were decided on top of it, in flight
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_line_the_database_refuses_is_found_and_the_rest_of_its_batch_imported(int batchSize)
    {
        // Given a database that refuses any event mentioning "poison" (standing in for a limit no validation foresaw)
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var trigger = new NpgsqlCommand($"""
                create function {Schema}.refuse_poison() returns trigger language plpgsql as $$
                begin
                  if new.data::text like '%poison%' then raise exception 'poisoned' using errcode = '22023'; end if;
                  return new;
                end $$;
                create trigger refuse_poison before insert on {Schema}.mt_events for each row execute function {Schema}.refuse_poison();
                """, connection);
            await trigger.ExecuteNonQueryAsync();
        }
        var poisoned = """{"at":"2026-03-02T15:00:00-05:00","type":"AuthorizeContact","accountId":"acme","contactId":"poison"}""";
        var journal = Good.Take(3).Append(poisoned).Concat(Good.Skip(3));

        // When it is imported
        var (results, summary) = await ImportAsync(string.Join('\n', journal), batchSize);

        // Then that line alone is Invalid, and every other line is imported as usual
        results.Single(r => r.Line == 4).ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(LineStatus.Invalid),
            r => r.Reason.ShouldBe(InvalidCodes.StorageRefused),
            r => r.Message!.ShouldContain("poisoned"));
        results.Where(r => r.Line != 4).ShouldAllBe(r => r.Status == LineStatus.Accepted);
        summary.Invalid.ShouldBe(1);
        ((decimal)(await Projected.StatementAsync(Store, "acme", "2026-03"))["totalCredit"]!).ShouldBe(MarchCredit);
        // and nothing of the refused line stayed in what later lines were decided against, or in any document.
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("account/acme");
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        events.ShouldNotContain(e => Newtonsoft.Json.JsonConvert.SerializeObject(e.Data).Contains("poison"));
        var before = await Projected.SnapshotAsync(Store);
        await Projected.RebuildAsync(Store);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // The real CLI binary: every hostile line reported, exit 65, the good lines imported.
    public async Task The_cli_reports_every_hostile_line_and_exits_65()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.jsonl");
        var hostile = Hostile.Select(h => h.Line).ToList();
        await File.WriteAllTextAsync(path, string.Join('\n', Good.Concat(hostile)) + "\n");
        try
        {
            var (exit, stdout, stderr) = await Cli.HostProcess.RunAsync(Database.ConnectionString, Schema, "import", path);
            exit.ShouldBe(65, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
            lines.Count.ShouldBe(Good.Length + hostile.Count);
            lines.Take(Good.Length).ShouldAllBe(l => (string)l["status"]! == "Accepted");
            lines.Skip(Good.Length).Select(l => (string)l["reason"]!).ShouldBe(Hostile.Select(h => h.Code));
            stderr.ShouldNotContain("Exception");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact] // Steps dated before the step they follow are refused (OutOfOrder); nothing crashes, the good lines stand.
    public async Task Steps_out_of_time_order_are_refused_and_crash_nothing()
    {
        var journal = new[]
        {
            Register, Good[1],
            """{"at":"2026-03-10T15:00:00Z","type":"OpenTicket","ticketId":"T-2","accountId":"acme","contactId":"alice","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""",
            """{"at":"2026-03-10T16:00:00Z","type":"OpenTroubleTicket","troubleTicketId":"TT-2","replacesTicketId":"T-2","kind":"Outage"}""",
            """{"at":"2026-03-05T15:00:00Z","type":"ResolveTroubleTicket","troubleTicketId":"TT-2","rootCause":"PlatformDefect"}""",
            """{"at":"2026-03-05T16:00:00Z","type":"CloseTroubleTicket","troubleTicketId":"TT-2","rootCause":"PlatformDefect"}""",
            """{"at":"2026-03-06T15:00:00Z","type":"RequestCredit","troubleTicketId":"TT-2","contactId":"alice"}""",
            """{"at":"2026-03-07T13:01:00Z","type":"AuthorizeContact","accountId":"acme","contactId":"after"}""",
        };
        var (results, _) = await ImportAsync(string.Join('\n', journal));
        results.Select(r => (r.Status, r.Reason)).ShouldBe(
        [
            (LineStatus.Accepted, null), (LineStatus.Accepted, null), (LineStatus.Accepted, null), (LineStatus.Accepted, null),
            (LineStatus.Rejected, "OutOfOrder"), (LineStatus.Rejected, "OutOfOrder"), (LineStatus.Rejected, "OutOfOrder"), (LineStatus.Accepted, null),
        ]);
    }

    [Fact] // The same for tickets, credit requests and accounts: nothing is dated before what it follows.
    public async Task Every_stream_refuses_steps_dated_before_it_began()
    {
        var journal = new[]
        {
            Register, Good[1],
            """{"at":"2026-02-01T00:00:00Z","type":"AuthorizeContact","accountId":"acme","contactId":"early"}""",
            """{"at":"2026-02-01T00:00:00Z","type":"OpenTicket","ticketId":"T-E","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""",
            """{"at":"2026-05-01T14:00:00Z","type":"OpenTicket","ticketId":"T-3","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""",
            """{"at":"2026-04-30T15:00:00Z","type":"EscalateTicket","ticketId":"T-3","priority":"P1"}""",
            """{"at":"2026-05-01T15:00:00Z","type":"OpenTroubleTicket","troubleTicketId":"TT-3","replacesTicketId":"T-3","kind":"Outage"}""",
            """{"at":"2026-05-01T16:00:00Z","type":"CloseTroubleTicket","troubleTicketId":"TT-3","rootCause":"PlatformDefect"}""",
            """{"at":"2026-05-01T15:59:00Z","type":"RequestCredit","troubleTicketId":"TT-3","contactId":"alice"}""",
            """{"at":"2026-05-01T16:00:00Z","type":"RequestCredit","troubleTicketId":"TT-3","contactId":"alice"}""",
        };
        var (results, _) = await ImportAsync(string.Join('\n', journal));
        results.Select(r => r.Reason).ShouldBe([null, null, "OutOfOrder", "OutOfOrder", null, "OutOfOrder", null, null, "OutOfOrder", null]);
    }

    [Fact] // An id names one line: a different line reusing it is Invalid, not silently taken for the first.
    public async Task A_reused_line_id_is_invalid_not_dropped()
    {
        var first = """{"id":"dup-1","at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"idr-a","plan":"Standard","monthlyRate":10,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""";
        var second = """{"id":"dup-1","at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"idr-b","plan":"Standard","monthlyRate":10,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""";
        var (results, _) = await ImportAsync(first + "\n" + second);
        results.Select(r => (r.Status, r.Reason)).ShouldBe([(LineStatus.Accepted, null), (LineStatus.Invalid, InvalidCodes.IdReused)]);
        (results, _) = await ImportAsync(first);
        results.Single().AlreadyApplied.ShouldBeTrue(); // the same line again is still a no-op
    }

    [Fact] // A journal cut at its size limit: the lines before the cut are imported and answered.
    public async Task A_journal_past_its_size_limit_keeps_the_lines_before_the_cut()
    {
        var text = string.Join('\n', Good) + "\n" + new string('a', 10_000);
        var bounded = new Host.Api.BoundedStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), System.Text.Encoding.UTF8.GetByteCount(string.Join('\n', Good) + "\n"));
        var results = new List<LineResult>();
        await new JournalImporter(Store, Domain.Decisions.Actor.System("journal"))
            .ImportAsync(bounded, r => { results.Add(r); return ValueTask.CompletedTask; }, null, default);
        bounded.Exceeded.ShouldBeTrue();
        results.Count.ShouldBe(Good.Length);
        results.ShouldAllBe(r => r.Status == LineStatus.Accepted);
    }
}
