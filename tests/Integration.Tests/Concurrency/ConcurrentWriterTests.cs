using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Concurrency;

[Collection(PostgresCollection.Name)]
public class ConcurrentWriterTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static readonly Instant Later = Instant.FromUtc(2026, 3, 4, 15, 0);

    private async Task OpenTroubleTicketAsync()
    {
        // The example's first six lines: account, contact, ticket, escalation, trouble ticket, assignment.
        var lines = ExampleJournal.Split('\n').Take(6);
        await ImportAsync(string.Join('\n', lines));
    }

    private async Task<long> VersionOfAsync(string streamKey)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(streamKey))?.Version ?? 0;
    }

    [Fact] // Parallel writers on one trouble ticket lose nothing: the version equals the accepted commands.
    public async Task Parallel_writers_on_one_trouble_ticket_lose_nothing()
    {
        await OpenTroubleTicketAsync();
        var key = StreamKeys.For(StreamRef.TroubleTicket("TT-100"));
        var before = await VersionOfAsync(key);
        var service = new CommandService(Store, Calendar);

        const int writers = 16;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Accepted: (await service.ExecuteAsync(new AssignTroubleTicket("TT-100", $"agent-{i}"),
                    new CommandContext(Later, Actor.System("test")), default)).IsAccepted, Refused: false);
            }
            catch (ConcurrencyConflictException)
            {
                return (Accepted: false, Refused: true); // told to the caller (HTTP 409): rejected, not lost
            }
        })));

        // Every writer is either appended or explicitly refused; the stream holds exactly the accepted ones.
        outcomes.ShouldAllBe(o => o.Accepted || o.Refused);
        var accepted = outcomes.Count(o => o.Accepted);
        accepted.ShouldBeGreaterThan(writers / 2, "retries with backoff should let most writers through");
        (await VersionOfAsync(key)).ShouldBe(before + accepted);
    }

    [Fact] // Two units of work that read the same version: the second to save is refused, not appended blindly.
    public async Task Stale_version_is_refused()
    {
        await OpenTroubleTicketAsync();
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        var a = new UnitOfWork(first, Calendar);
        var b = new UnitOfWork(second, Calendar);
        var ctx = new CommandContext(Later, Actor.System("test"));
        (await a.ExecuteAsync(new AssignTroubleTicket("TT-100", "agent-a"), ctx, default)).IsAccepted.ShouldBeTrue();
        (await b.ExecuteAsync(new ResolveTroubleTicket("TT-100", Domain.Sla.RootCause.PlatformDefect), ctx, default)).IsAccepted.ShouldBeTrue();
        a.Stage();
        b.Stage();
        await first.SaveChangesAsync();
        var failure = await Should.ThrowAsync<Exception>(() => second.SaveChangesAsync());
        ConcurrencyFailures.IsConcurrencyFailure(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact] // Two registrations of one id race: exactly one wins, the other is decided again and is DuplicateId.
    public async Task Racing_creations_of_one_stream()
    {
        var service = new CommandService(Store, Calendar);
        var register = new Domain.Accounts.RegisterAccount("race", null, Domain.Accounts.Plan.Standard, 100m, "USD",
            new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        var ctx = new CommandContext(Later, Actor.System("test"));
        var decisions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => service.ExecuteAsync(register, ctx, default))));
        decisions.Count(d => d.IsAccepted).ShouldBe(1);
        decisions.Where(d => !d.IsAccepted).ShouldAllBe(d => d.Reason == ReasonCodes.DuplicateId);
        (await VersionOfAsync(StreamKeys.For(StreamRef.Account("race")))).ShouldBe(1);
    }
}
