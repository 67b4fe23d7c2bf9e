using Newtonsoft.Json;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

/// <summary>Auditors: the statement as it stood at an instant, folded from the events known then.</summary>
[Collection(PostgresCollection.Name)]
public class StatementAsOfTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static readonly YearMonth March = new(2026, 3);
    private static readonly JsonSerializerSettings Settings = JsonSettings.Create();

    private async Task<StatementView?> AsOf(string instant)
    {
        await using var session = Store.QuerySession();
        return await StatementView.LoadAsOfAsync(session, "acme", March, Spiisee.EventSourced.Projections.Journal.CommandReader.ParseInstant(instant, "asOf"), default);
    }

    private async Task<StatementView> Projected()
    {
        await using var session = Store.QuerySession();
        return (await StatementView.LoadAsync(session, "acme", March, default))!;
    }

    [Fact] // R12/R13: before the approval (2026-03-10 09:30 EDT) March owes nothing; from that minute on, the worked example.
    public async Task Before_and_at_the_approval()
    {
        await ImportAsync(ExampleJournal);

        var before = (await AsOf("2026-03-10T13:29:59Z"))!;
        (before.TotalCredit, before.AvailabilityCredit, before.MttrCredit, before.TroubleTickets.Count, before.Ledger.Count)
            .ShouldBe((0.00m, 0.00m, 0.00m, 0, 0));
        (before.MonthlyRate, before.MinutesInMonth).ShouldBe((2200.00m, 44580L));

        var at = (await AsOf("2026-03-10T13:30:00Z"))!;
        (at.AvailabilityCredit, at.MttrCredit, at.TotalCredit).ShouldBe((1100.00m, 200.00m, 1300.00m));
        at.TroubleTickets.Single().OverdueDays.ShouldBe([new LocalDate(2026, 3, 5), new LocalDate(2026, 3, 6)]);
    }

    [Fact] // R5: a rate change recorded in May is not known as of April; once recorded, March is owed at the new rate.
    public async Task A_retroactive_rate_change_is_seen_only_from_when_it_was_recorded()
    {
        await ImportAsync(ExampleJournal);
        await ImportAsync("""{"at":"2026-05-04T10:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":4400.00,"effectiveMonth":"2026-03"}""");

        var april = (await AsOf("2026-04-30T23:59:59-04:00"))!;
        (april.MonthlyRate, april.TotalCredit).ShouldBe((2200.00m, 1300.00m));
        var june = (await AsOf("2026-06-01T00:00:00-04:00"))!;
        (june.MonthlyRate, june.AvailabilityCredit, june.MttrCredit, june.TotalCredit).ShouldBe((4400.00m, 2200.00m, 400.00m, 2600.00m));
    }

    [Fact] // Folding every event known now gives exactly the projected statement, derivation included.
    public async Task As_of_now_equals_the_projection()
    {
        await ImportAsync(ExampleJournal);
        var folded = await AsOf("2030-01-01T00:00:00Z");
        JsonConvert.SerializeObject(folded, Settings).ShouldBe(JsonConvert.SerializeObject(await Projected(), Settings));
    }

    [Fact] // Before acme was registered (2026-02-02 14:00 UTC) there is no account to state.
    public async Task Before_registration_there_is_no_statement()
    {
        await ImportAsync(ExampleJournal);
        (await AsOf("2026-02-02T13:59:59Z")).ShouldBeNull();
        (await AsOf("2026-02-02T14:00:00Z")).ShouldNotBeNull();
    }
}
