using Npgsql;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.TroubleTickets;
using Spiisee.EventSourced.Projections.Journal;
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
        var service = new CommandService(Store);

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
        await using var first = await WriteSession.OpenAsync(Store, default);
        await using var second = await WriteSession.OpenAsync(Store, default);
        var a = new UnitOfWork(first);
        var b = new UnitOfWork(second);
        var ctx = new CommandContext(Later, Actor.System("test"));
        (await a.ExecuteAsync(new AssignTroubleTicket("TT-100", "agent-a"), ctx, default)).IsAccepted.ShouldBeTrue();
        (await b.ExecuteAsync(new ResolveTroubleTicket("TT-100", Domain.Sla.RootCause.PlatformDefect), ctx, default)).IsAccepted.ShouldBeTrue();
        await a.SaveAsync(default);
        var failure = await Should.ThrowAsync<Exception>(() => b.SaveAsync(default));
        ConcurrencyFailures.IsConcurrencyFailure(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact] // Two registrations of one id race: exactly one wins, the other is decided again and is DuplicateId.
    public async Task Racing_creations_of_one_stream()
    {
        var service = new CommandService(Store);
        var register = new Domain.Accounts.RegisterAccount("race", null, Domain.Accounts.Plan.Standard, 100m, "USD",
            new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        var ctx = new CommandContext(Later, Actor.System("test"));
        var decisions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => service.ExecuteAsync(register, ctx, default))));
        decisions.Count(d => d.IsAccepted).ShouldBe(1);
        decisions.Where(d => !d.IsAccepted).ShouldAllBe(d => d.Reason == ReasonCodes.DuplicateId);
        (await VersionOfAsync(StreamKeys.For(StreamRef.Account("race")))).ShouldBe(1);
    }

    [Fact] // decisions.md: under QuickWithServerTimestamps an append with a stale expected version on an existing stream is refused.
    public async Task Marten_refuses_a_stale_expected_version_in_the_append_mode_we_run()
    {
        Store.Options.Events.AppendMode.ShouldBe(JasperFx.Events.EventAppendMode.QuickWithServerTimestamps);
        await OpenTroubleTicketAsync();
        var key = StreamKeys.For(StreamRef.TroubleTicket("TT-100"));
        var version = await VersionOfAsync(key);
        var assigned = new TroubleTicketAssigned("TT-100", "agent-x", false, Later, Actor.System("test"));

        await using (var writer = Store.LightweightSession())
        {
            writer.Events.Append(key, version + 1, assigned);
            await writer.SaveChangesAsync();
        }
        foreach (var stale in new[] { version + 1, version, version - 1 })
        {
            await using var late = Store.LightweightSession();
            late.Events.Append(key, stale, assigned);
            var failure = await Should.ThrowAsync<Exception>(() => late.SaveChangesAsync());
            ConcurrencyFailures.IsConcurrencyFailure(failure).ShouldBeTrue(failure.ToString());
        }
        (await VersionOfAsync(key)).ShouldBe(version + 1);
    }

    [Fact] // Writers that abort at random leave gaps in the event sequence; afterwards every document equals a rebuild.
    public async Task Aborted_transactions_leave_gaps_and_no_trace_in_any_projection()
    {
        var accounts = Enumerable.Range(0, 4).Select(a => $"soak-{a}").ToList();
        (await ImportAsync(Journals.ClosedOutages(accounts, perAccount: 6))).Summary.Invalid.ShouldBe(0);
        var service = new CommandService(Store);
        var now = Instant.FromUtc(2026, 3, 20, 15, 0);
        var random = new Random(8);
        var commands = accounts.SelectMany(a => Enumerable.Range(0, 6).Select(k => (ICommand)new RequestCredit($"TT-{a}-{k}", Journals.Contact(a), null))
                .Concat([new ChangeMonthlyRate(a, 2000.00m + random.Next(1000), new YearMonth(2026, 2 + random.Next(3)))])
                .Concat([new ScheduleMaintenanceWindow(a, Instant.FromUtc(2026, 3, 19, 11, 0), Instant.FromUtc(2026, 3, 19, 13, 0))]))
            .OrderBy(_ => random.Next()).ToList();

        var deadlines = commands.Select(_ => TimeSpan.FromMilliseconds(random.Next(1, 40))).ToArray();
        var writers = commands.Select((command, i) => Task.Run(async () =>
        {
            // Every third writer's transaction is cut short at a random point: a client gone, a deadline passed.
            using var cancel = i % 3 == 0 ? new CancellationTokenSource(deadlines[i]) : new CancellationTokenSource();
            try
            {
                await service.ExecuteAsync(command, new CommandContext(now, Actor.System("soak")), cancel.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ConcurrencyConflictException || e.InnerException is OperationCanceledException)
            {
                // Aborted or refused: whatever it staged must leave no trace.
            }
        })).ToList();
        // Beside them, transactions that take event sequence numbers and roll back.
        writers.AddRange(Enumerable.Range(0, 10).Select(_ => Task.Run(RollBackAfterTakingSequenceNumbersAsync)));
        await Task.WhenAll(writers);

        (await SequenceGapsAsync()).ShouldBeGreaterThan(0);
        foreach (var account in accounts)
        {
            foreach (var month in new[] { "2026-02", "2026-03", "2026-04" })
            {
                var projected = await Projected.StatementAsync(Store, account, month);
                var folded = await Projected.FoldAsync(Store, account, month);
                Newtonsoft.Json.Linq.JToken.DeepEquals(projected, folded).ShouldBeTrue($"{account} {month}\nprojected: {projected}\nfold: {folded}");
            }
        }
        var before = await Projected.SnapshotAsync(Store);
        await Projected.RebuildAsync(Store);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
        // And the one-pass rebuild agrees with both.
        await new Spiisee.EventSourced.Projections.Storage.OnePassRebuild(Store).RunAsync(null, default);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // The same journal imported twice at once: each line decided once, recorded once, answered alike by both.
    public async Task Two_imports_of_one_journal_at_once_decide_each_line_once()
    {
        // Given a journal whose every credit request is sent eight times (all but the first are refused and leave only their record),
        var accounts = Enumerable.Range(0, 3).Select(a => $"race-{a}").ToList();
        var requests = accounts.SelectMany(a => Enumerable.Range(0, 5).SelectMany(k => Enumerable.Range(0, 8).Select(m =>
            $$"""{"at":"2026-03-25T12:{{m:00}}:00Z","type":"RequestCredit","troubleTicketId":"TT-{{a}}-{{k}}","contactId":"{{Journals.Contact(a)}}"}""")));
        var journal = Journals.ClosedOutages(accounts, perAccount: 5) + "\n" + string.Join('\n', requests);
        var distinct = journal.Split('\n').Distinct(StringComparer.Ordinal).Count();

        // when two importers take it at the same time, a line per transaction, so both decide many refusals at once,
        var imports = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => ImportAsync(journal, batchSize: 1))));

        // then both answer every line the same way, nothing is refused for the race, and each line left one record
        imports[0].Results.Select(r => (r.Line, r.Status, r.Reason)).ShouldBe(imports[1].Results.Select(r => (r.Line, r.Status, r.Reason)));
        imports.ShouldAllBe(i => i.Summary.Invalid == 0);
        imports.Sum(i => i.Summary.AlreadyApplied).ShouldBeGreaterThan(0);
        imports[0].Results.ShouldContain(r => r.Status == LineStatus.Rejected);
        await using var session = Store.QuerySession();
        (await Marten.QueryableExtensions.CountAsync(session.Query<AppliedCommand>())).ShouldBe(distinct);
        // and a third import finds every line already applied and adds no event.
        var events = await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
        var again = await ImportAsync(journal);
        again.Summary.AlreadyApplied.ShouldBe(again.Summary.Lines);
        (await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents())).ShouldBe(events);
    }

    private async Task RollBackAfterTakingSequenceNumbersAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var take = new NpgsqlCommand($"select nextval('{Schema}.mt_events_sequence') from generate_series(1, 3)", connection, tx);
        await take.ExecuteNonQueryAsync();
        await tx.RollbackAsync();
    }

    private async Task<long> SequenceGapsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var gaps = new NpgsqlCommand($"select max(seq_id) - count(*) from {Schema}.mt_events", connection);
        return (long)(await gaps.ExecuteScalarAsync())!;
    }
}
