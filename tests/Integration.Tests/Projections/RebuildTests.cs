using Marten;
using Newtonsoft.Json;
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

    [Fact] // R3/R9: declaring 4 March 2026 a holiday moves TT-100's target day to 5 March; only 6 March stays overdue.
    public async Task Calendar_change_and_rebuild_change_exactly_the_affected_statement()
    {
        await ImportSamplesAsync();
        var defaultAcme = await StatementAsync(Store, "acme", 3, HolidayCalendar.Default);
        var defaultGlobex = await StatementAsync(Store, "globex", 1, HolidayCalendar.Default);

        var changed = new HolidayCalendar(new CalendarSettings([new LocalDate(2026, 3, 4)], []));
        using var other = StoreConfiguration.Create(Database.ConnectionString, changed, Schema);
        await Projected.RebuildAsync(other, "AccountStatements");

        var acme = await StatementAsync(other, "acme", 3, changed);
        (acme.OverdueBusinessDays, acme.MttrCredit, acme.TotalCredit).ShouldBe((1L, 100.00m, 1200.00m));
        acme.TroubleTickets.Single().TargetDay.ShouldBe(new LocalDate(2026, 3, 5));
        acme.AvailabilityCredit.ShouldBe(defaultAcme.AvailabilityCredit); // R4: holidays do not change windows or downtime
        acme.Ledger.Single().Amount.ShouldBe(1200.00m);
        acme.Calendar.ShouldContain("extra=[2026-03-04]");
        acme.Calendar.ShouldNotBe(defaultAcme.Calendar);

        // A statement the holiday does not touch keeps its figures, under the new calendar's identity.
        var globex = await StatementAsync(other, "globex", 1, changed);
        (globex.TotalCredit, globex.OverdueBusinessDays).ShouldBe((defaultGlobex.TotalCredit, defaultGlobex.OverdueBusinessDays));
        globex.Calendar.ShouldBe(changed.Identity);
    }

    private static async Task<StatementView> StatementAsync(IDocumentStore store, string account, int month, HolidayCalendar calendar)
    {
        await using var session = store.QuerySession();
        return (await StatementView.LoadAsync(session, account, new YearMonth(2026, month), calendar, default))!;
    }
}
