using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Calendar;

namespace Spiisee.EventSourced.Integration.Tests.Calendar;

/// <summary>R14: configured calendar settings become calendar events on an empty store, and never decide figures afterwards.</summary>
[Collection(PostgresCollection.Name)]
public class CalendarSeedTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static readonly CalendarSettings Settings = new([D("2026-03-04"), D("2026-03-07")], [D("2026-12-25")]);

    private static LocalDate D(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    [Fact]
    public async Task Settings_seed_an_empty_store_as_events_that_every_figure_sees()
    {
        // Given an empty store, when it is seeded, each configured change is judged like a command.
        var outcome = await CalendarSeed.ApplyAsync(Store, Settings, default);
        outcome.ShouldBe([
            "calendar: withdrawing 2026-12-25 from configuration: recorded",
            "calendar: declaring 2026-03-04 from configuration: recorded",
            "calendar: declaring 2026-03-07 from configuration: NotAWeekday",
        ]);

        // Then the worked example is judged and issued with 4 March off from the start: 1,200.00, no correction.
        var (_, summary) = await ImportAsync(await File.ReadAllTextAsync(SamplePath("march-outage.jsonl")));
        summary.Invalid.ShouldBe(0);
        var march = await Projected.StatementAsync(Store, "acme", "2026-03");
        ((decimal)march["totalCredit"]!, (long)march["calendarVersion"]!).ShouldBe((1200.00m, 2L));
        march["ledger"]!.ShouldHaveSingleItem()["kind"]!.ToString().ShouldBe("Credit");

        // A later process with the same settings says nothing; one with other settings is told they are ignored.
        (await CalendarSeed.ApplyAsync(Store, new CalendarSettings([D("2026-03-04")], [D("2026-12-25")]), default)).ShouldBeEmpty();
        (await CalendarSeed.ApplyAsync(Store, new CalendarSettings([D("2026-03-05")], []), default)).Single().ShouldContain("ignored");
        ((decimal)(await Projected.StatementAsync(Store, "acme", "2026-03"))["totalCredit"]!).ShouldBe(1200.00m);
    }
}
