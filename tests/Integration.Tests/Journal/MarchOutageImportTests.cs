using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Statements;

namespace Spiisee.EventSourced.Integration.Tests.Journal;

[Collection(PostgresCollection.Name)]
public class MarchOutageImportTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact] // The example journal prints exactly samples/expected/march-outage.results.jsonl.
    public async Task Import_gives_the_documented_results()
    {
        var (results, summary) = await ImportAsync(ExampleJournal);
        var expected = File.ReadAllLines(ExpectedPath("march-outage.results.jsonl"))
            .Where(l => l.Trim().Length > 0).Select(JObject.Parse).ToList();

        results.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            results[i].Line.ShouldBe((int)expected[i]["line"]!);
            results[i].Status.ShouldBe((string)expected[i]["status"]!);
            results[i].Reason.ShouldBe((string?)expected[i]["reason"]);
        }
        summary.Invalid.ShouldBe(0);
    }

    [Fact] // docs/policy.md worked example and samples/expected/march-outage.statement-2026-03.json, to the cent.
    public async Task Statement_after_import_matches_the_example()
    {
        await ImportAsync(ExampleJournal);
        await using var session = Store.QuerySession();
        var march = new NodaTime.YearMonth(2026, 3);
        var terms = await session.LoadAsync<AccountTerms>("acme");
        var approvals = await session.LoadAsync<MonthlyApprovals>(MonthlyApprovals.Key("acme", march));
        var s = terms!.StatementFor(march, approvals, Spiisee.EventSourced.Domain.Calendar.CalendarHistory.Empty);

        var expected = JObject.Parse(File.ReadAllText(ExpectedPath("march-outage.statement-2026-03.json")));
        s.AccountId.ShouldBe((string)expected["accountId"]!);
        s.MonthlyRate.ShouldBe((decimal)expected["monthlyRate"]!);
        s.MinutesInMonth.ShouldBe((long)expected["minutesInMonth"]!);
        s.DowntimeMinutes.ShouldBe((decimal)expected["downtimeMinutes"]!);
        s.AvailabilityPercent.ShouldBe((decimal)expected["availabilityPercent"]!);
        s.AvailabilityIncrements.ShouldBe((long)expected["availabilityIncrements"]!);
        s.AvailabilityCredit.ShouldBe((decimal)expected["availabilityCredit"]!);
        s.OverdueBusinessDays.ShouldBe((long)expected["overdueBusinessDays"]!);
        s.MttrCredit.ShouldBe((decimal)expected["mttrCredit"]!);
        s.TotalCredit.ShouldBe((decimal)expected["totalCredit"]!);
        s.Ledger.Single().Amount.ShouldBe(1300.00m);
        s.Ledger.Single().InvoiceMonth.ShouldBe(new NodaTime.YearMonth(2026, 4));
    }

    [Fact] // Importing the same journal again changes nothing.
    public async Task Reimport_is_a_no_op()
    {
        var (first, _) = await ImportAsync(ExampleJournal);
        var before = await CountEventsAsync();
        var (second, summary) = await ImportAsync(ExampleJournal);
        (await CountEventsAsync()).ShouldBe(before);
        second.Select(r => (r.Line, r.Status, r.Reason)).ShouldBe(first.Select(r => (r.Line, r.Status, r.Reason)));
        summary.AlreadyApplied.ShouldBe(first.Count);
    }

    [Fact] // A batch whose lines are all refused writes no event, only the lines' records: those are committed too.
    public async Task A_batch_of_refused_lines_is_recorded_and_answered_again_on_reimport()
    {
        // Given the example imported, and then a journal of credit requests for trouble tickets that do not exist,
        await ImportAsync(ExampleJournal);
        var refused = string.Join('\n', Enumerable.Range(1, 5).Select(k =>
            $$"""{"at":"2026-04-0{{k}}T10:00:00Z","type":"RequestCredit","troubleTicketId":"TT-none-{{k}}","contactId":"alice"}"""));
        var events = await CountEventsAsync();
        // when it is imported, in one batch and then in batches of one,
        var (first, _) = await ImportAsync(refused);
        var (again, summary) = await ImportAsync(refused, batchSize: 1);
        // then every line is refused once, and found already applied the second time, with the same reason, and no event is written.
        first.ShouldAllBe(r => r.Status == LineStatus.Rejected && !r.AlreadyApplied);
        summary.AlreadyApplied.ShouldBe(5);
        again.Select(r => (r.Line, r.Status, r.Reason)).ShouldBe(first.Select(r => (r.Line, r.Status, r.Reason)));
        (await CountEventsAsync()).ShouldBe(events);
    }

    [Fact] // Lines in batches of one give the same results as one batch: order holds across transactions.
    public async Task Batch_size_does_not_change_results()
    {
        var (results, _) = await ImportAsync(ExampleJournal, batchSize: 1);
        results.Count(r => r.Status == LineStatus.Accepted).ShouldBe(9);
    }

    private async Task<long> CountEventsAsync()
    {
        await using var session = Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
    }
}
