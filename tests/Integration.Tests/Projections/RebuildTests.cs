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

    public static TheoryData<string> Ways => ["daemon", "one pass"];

    /// <summary>Marten's daemon, projection by projection, or <see cref="OnePassRebuild"/>: both must give the inline documents back.</summary>
    private Task RebuildAsync(string way) =>
        way == "daemon" ? Projected.RebuildAsync(Store, Projected.ProjectionNames) : new OnePassRebuild(Store).RunAsync(null, default);

    [Theory, MemberData(nameof(Ways))] // A full rebuild reproduces every projected document exactly.
    public async Task Rebuild_reproduces_every_document(string way)
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        before.ShouldContain("GTT-1");

        await RebuildAsync(way);

        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // The one pass reads approvals apart, ordered by account, and copies documents a thousand at a time.
    public async Task One_pass_rebuild_of_many_accounts_gives_back_every_monthly_approval()
    {
        // Given accounts whose ids order differently in .NET and in PostgreSQL, each with sixteen approved or refused
        // credit requests, and more documents than one copy batch
        var accounts = Enumerable.Range(0, 40).Select(i => (i % 4) switch { 0 => $"acct-{i}", 1 => $"Acct_{i}", 2 => $"acct-{i}-0", _ => $"a.{i}" }).ToList();
        var requests = accounts.SelectMany(a => Enumerable.Range(0, 16).Select(k =>
            $$"""{"at":"2026-03-20T12:00:00Z","type":"RequestCredit","troubleTicketId":"TT-{{a}}-{{k}}","contactId":"{{Journals.Contact(a)}}"}"""));
        var (_, summary) = await ImportAsync(Journals.ClosedOutages(accounts, perAccount: 16) + "\n" + string.Join('\n', requests));
        summary.Invalid.ShouldBe(0);
        var before = await Projected.SnapshotAsync(Store);
        await using (var session = Store.QuerySession())
        {
            (await session.Query<MonthlyApprovals>().CountAsync()).ShouldBe(accounts.Count);
            (await session.Query<TroubleTicketFile>().CountAsync()).ShouldBe(accounts.Count * 16);
        }

        // When the one pass rebuilds every read model
        var outcome = await new OnePassRebuild(Store).RunAsync(null, default);

        // Then every document is the inline one, the approvals of each account in their stored order
        outcome.Documents.ShouldBeGreaterThan(1_000);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // Readers are served the documents from before while a rebuild runs: they change at its commit, all at once.
    public async Task While_a_rebuild_runs_readers_see_the_documents_from_before()
    {
        // Given more documents than one copy batch,
        await ImportManyAccountsAsync();
        var before = await Projected.SnapshotAsync(Store);
        using var reached = new SemaphoreSlim(0);
        using var resume = new SemaphoreSlim(0);

        // when a rebuild has copied its first batches and is held there,
        var rebuild = Task.Run(() => new OnePassRebuild(Store).RunAsync(_ => { reached.Release(); resume.Wait(); }, default));
        (await reached.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue();
        var during = await Projected.SnapshotAsync(Store);
        resume.Release(int.MaxValue / 2);
        await rebuild;

        // then a reader finds every document as it was, and the same after the commit.
        during.ShouldBeSameDocuments(before);
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // A rebuild stopped half-way (cancelled here; a killed process or a lost connection ends the same way) changes nothing.
    public async Task A_rebuild_stopped_half_way_leaves_every_document_as_it_was()
    {
        // Given more documents than one copy batch,
        await ImportManyAccountsAsync();
        var before = await Projected.SnapshotAsync(Store);

        // when a rebuild is stopped once it has copied its first batch,
        using var stop = new CancellationTokenSource();
        await Should.ThrowAsync<OperationCanceledException>(() => new OnePassRebuild(Store).RunAsync(_ => stop.Cancel(), stop.Token));

        // then every document is still there as it was, and writers are not kept out.
        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
        var (results, _) = await ImportAsync(Journals.ClosedOutages(["after-stop"], perAccount: 1));
        results.ShouldAllBe(r => r.Status == Spiisee.EventSourced.Projections.Journal.LineStatus.Accepted);
    }

    private async Task ImportManyAccountsAsync()
    {
        var accounts = Enumerable.Range(0, 40).Select(i => $"many-{i}").ToList();
        var requests = accounts.SelectMany(a => Enumerable.Range(0, 16).Select(k =>
            $$"""{"at":"2026-03-20T12:00:00Z","type":"RequestCredit","troubleTicketId":"TT-{{a}}-{{k}}","contactId":"{{Journals.Contact(a)}}"}"""));
        var (_, summary) = await ImportAsync(Journals.ClosedOutages(accounts, perAccount: 16) + "\n" + string.Join('\n', requests));
        summary.Invalid.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Ways))] // A transaction that failed while saving leaves Marten's tombstone events; a rebuild makes nothing of them.
    public async Task A_failed_transaction_leaves_no_document_behind_after_a_rebuild(string way)
    {
        await ImportSamplesAsync();
        await AppendTombstoneAsMartenDoesAsync();
        (await TombstonesAsync()).ShouldBeGreaterThan(0);
        var before = await Projected.SnapshotAsync(Store);

        await RebuildAsync(way);

        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
        await using var session = Store.QuerySession();
        (await session.Query<TicketTimeline>().ToListAsync()).ShouldAllBe(d => d.Id.StartsWith("ticket/"));
        (await session.Query<TroubleTicketFile>().ToListAsync()).ShouldAllBe(d => d.Id.StartsWith("trouble-ticket/"));
    }

    /// <summary>
    /// Marten posts tombstones for the sequence numbers of a transaction that failed while it processed its events (a
    /// client gone mid-save does it); it posts them past the inline projections, so only a rebuild sees them. A store of
    /// the same schema with no projections does the same.
    /// </summary>
    private async Task AppendTombstoneAsMartenDoesAsync()
    {
        using var bare = DocumentStore.For(opts => StoreConfiguration.ConfigureEventStore(opts, Database.ConnectionString, Schema, JasperFx.AutoCreate.None));
        await using var session = bare.LightweightSession();
        session.Events.Append(JasperFx.Events.Tombstone.StreamKey, new JasperFx.Events.Tombstone());
        await session.SaveChangesAsync();
    }

    private async Task<long> TombstonesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand($"select count(*) from {Schema}.mt_events where stream_id = 'mt_tombstone'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Theory, MemberData(nameof(Ways))] // Rebuilding after wiping the documents brings them all back.
    public async Task Rebuild_from_nothing(string way)
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AccountTerms));
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(MonthlyApprovals));
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(TroubleTicketFile));

        await RebuildAsync(way);

        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
    }

    [Theory, MemberData(nameof(Ways))] // R14: configured calendar settings never decide figures: a rebuild by a process configured otherwise changes nothing.
    public async Task A_rebuild_by_a_process_with_other_calendar_settings_reproduces_every_statement(string way)
    {
        await ImportSamplesAsync();
        var before = await Projected.SnapshotAsync(Store);
        var acme = await Projected.StatementAsync(Store, "acme", "2026-03");

        // The store has events, so the seed is refused and says so; figures keep the recorded calendar.
        var outcome = await CalendarSeed.ApplyAsync(Store, new CalendarSettings([new LocalDate(2026, 3, 4)], []), default);
        outcome.Single().ShouldContain("ignored");
        await RebuildAsync(way);

        (await Projected.SnapshotAsync(Store)).ShouldBeSameDocuments(before);
        (await Projected.StatementAsync(Store, "acme", "2026-03")).ToString().ShouldBe(acme.ToString());
        acme["totalCredit"]!.Value<decimal>().ShouldBe(1300.00m);
    }
}
