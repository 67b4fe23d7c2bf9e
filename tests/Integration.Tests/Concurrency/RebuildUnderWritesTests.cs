using Marten;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Concurrency;

/// <summary>The one-pass rebuild keeps writers out while the read models are away; nothing written meanwhile is lost.</summary>
[Collection(PostgresCollection.Name)]
public class RebuildUnderWritesTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact] // Given many accounts, when rate changes and an incident for every account race a rebuild, then every document equals a fresh rebuild and each account has its ticket.
    public async Task Commands_during_a_rebuild_wait_for_it_and_lose_nothing()
    {
        var accounts = Enumerable.Range(0, 120).Select(a => $"rw-{a:000}").ToList();
        (await ImportAsync(Journals.ClosedOutages(accounts, perAccount: 3))).Summary.Invalid.ShouldBe(0);
        var service = new CommandService(Store);
        var ctx = new CommandContext(Instant.FromUtc(2026, 4, 1, 15, 0), Actor.System("test"));
        (await service.ExecuteAsync(new DeclareIncident("INC-R", "Storage outage", "Every account", null, Instant.FromUtc(2026, 3, 31, 12, 0)), ctx, default))
            .IsAccepted.ShouldBeTrue();

        // When a rebuild runs while commands arrive
        var rebuild = Task.Run(() => new OnePassRebuild(Store).RunAsync(null, default));
        var writers = accounts.Take(40).Select((a, i) => Task.Run(async () =>
        {
            await Task.Delay(i * 5);
            return await service.ExecuteAsync(new ChangeMonthlyRate(a, 2000.00m + i, new YearMonth(2026, 3)), ctx, default);
        })).ToList();
        var incident = Task.Run(async () =>
        {
            await Task.Delay(50);
            return await service.ExecuteAsync(new OpenIncidentTroubleTickets("INC-R"), ctx, default);
        });
        await rebuild;
        (await Task.WhenAll(writers)).ShouldAllBe(d => d.IsAccepted);
        (await incident).IsAccepted.ShouldBeTrue();

        // Then the incident opened a trouble ticket for every account, and every document is what the events say
        await using (var session = Store.QuerySession())
        {
            var file = await session.LoadAsync<IncidentFile>(StreamKeys.For(StreamRef.Incident("INC-R")));
            file!.TroubleTickets.Count.ShouldBe(accounts.Count);
        }
        var live = await Projected.SnapshotAsync(Store);
        await new OnePassRebuild(Store).RunAsync(null, default);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(live);
        foreach (var account in accounts.Take(5))
        {
            Newtonsoft.Json.Linq.JToken.DeepEquals(await Projected.StatementAsync(Store, account, "2026-03"), await Projected.FoldAsync(Store, account, "2026-03"))
                .ShouldBeTrue(account);
        }
    }

    [Fact] // Given a rebuild holding the read models of one schema, a writer of that schema waits and a writer of another does not.
    public async Task A_rebuild_keeps_out_the_writers_of_its_own_schema_only()
    {
        var otherSchema = PostgresDatabase.NewSchemaName();
        using var other = StoreConfiguration.Create(Database.ConnectionString, otherSchema);
        try
        {
            await other.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var ctx = new CommandContext(Instant.FromUtc(2026, 4, 1, 15, 0), Actor.System("test"));
            var register = new RegisterAccount("gate", null, Plan.Standard, 3000.00m, "USD", new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

            // When this schema's read models are held as a rebuild holds them
            var held = await ReadModelGate.ExclusiveAsync(Store, default);
            var mine = Task.Run(() => new CommandService(Store).ExecuteAsync(register, ctx, default));

            // Then the other schema's writer goes through, and this schema's waits until the rebuild lets go
            (await new CommandService(other).ExecuteAsync(register, ctx, default).WaitAsync(TimeSpan.FromSeconds(30))).IsAccepted.ShouldBeTrue();
            await Task.Delay(500);
            mine.IsCompleted.ShouldBeFalse();
            await held.DisposeAsync();
            (await mine.WaitAsync(TimeSpan.FromSeconds(30))).IsAccepted.ShouldBeTrue();
        }
        finally
        {
            await Database.DropSchemaAsync(otherSchema);
        }
    }
}
