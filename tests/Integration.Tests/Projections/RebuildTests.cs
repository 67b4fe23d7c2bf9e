using Marten;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

[Collection(PostgresCollection.Name)]
public class RebuildTests(PostgresDatabase database) : StoreTestBase(database)
{
    private async Task ImportSamplesAsync()
    {
        foreach (var journal in new[] { "march-outage.jsonl", "quarter-2026-q1.jsonl" })
        {
            var (_, summary) = await ImportAsync(await File.ReadAllTextAsync(Path.Combine(RepoRoot, "samples", journal)));
            summary.Invalid.ShouldBe(0);
        }
    }

    [Fact] // A full rebuild reproduces every projected document exactly.
    public async Task Rebuild_reproduces_every_document()
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        before.ShouldContain("GTT-1");

        await Projected.RebuildAsync(Store, Projected.ProjectionNames);

        (await Projected.SnapshotAsync(Store)).ShouldBe(before);
    }

    [Fact] // Rebuilding after wiping the documents brings them all back.
    public async Task Rebuild_from_nothing()
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AccountStatements));
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(TroubleTicketFile));

        await Projected.RebuildAsync(Store, Projected.ProjectionNames);

        (await Projected.SnapshotAsync(Store)).ShouldBe(before);
    }

    [Fact] // R14: configured calendar settings never decide figures: a rebuild by a process configured otherwise changes nothing.
    public async Task A_rebuild_by_a_process_with_other_calendar_settings_reproduces_every_statement()
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        var acme = await Projected.StatementAsync(Store, "acme", "2026-03");

        // The store has events, so the seed is refused and says so; figures keep the recorded calendar.
        var outcome = await CalendarSeed.ApplyAsync(Store, new CalendarSettings([new LocalDate(2026, 3, 4)], []), default);
        outcome.Single().ShouldContain("ignored");
        await Projected.RebuildAsync(Store, Projected.ProjectionNames);

        (await Projected.SnapshotAsync(Store)).ShouldBe(before);
        (await Projected.StatementAsync(Store, "acme", "2026-03")).ToString().ShouldBe(acme.ToString());
        acme["totalCredit"]!.Value<decimal>().ShouldBe(1300.00m);
    }
}
