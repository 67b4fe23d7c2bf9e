using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Api;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Api;

/// <summary>
/// The host keeps the statements it computed and serves them again only while the database's documents are the ones
/// they were computed from: any writer (this host, another host, the CLI) changing an approval, a rate, a window or
/// the calendar makes the next GET compute again. Expected statements are the fold of the events (the as-of query at
/// the end of time), never the cache's own output.
/// </summary>
[Collection(PostgresCollection.Name)]
public class StatementCacheTests(PostgresDatabase database)
{
    // Friday 20 March 2026, 11:00 EDT: the trouble tickets of Journals.ClosedOutages closed this week (R12).
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 20, 15, 0);

    [Fact]
    public async Task A_statement_is_served_again_until_another_writer_changes_any_of_its_inputs()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var cache = host.Services.GetRequiredService<StatementCache>();
        (await host.ImportAsync(Journals.ClosedOutages(["cached"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.PostAsync("/trouble-tickets/TT-cached-0/credit-requests", new { contactId = Journals.Contact("cached") })).Status.ShouldBe(201);

        // Given a statement read once, when it is read again with nothing written, then it is served from the cache.
        var first = await MarchAsync(host);
        var counts = cache.Counts;
        for (var i = 0; i < 3; i++)
        {
            JToken.DeepEquals(await MarchAsync(host), first).ShouldBeTrue();
        }
        cache.Counts.ShouldBe((counts.Hits + 3, counts.Computed));

        // When another process (a second host, the CLI) records each kind of statement input, the next GET is computed
        // again and equals the fold of the events.
        using var other = StoreConfiguration.Create(database.ConnectionString, host.Schema, JasperFx.AutoCreate.None);
        // Whether a change alters March's figures is the policy's business (a window recorded after an approval does
        // not reach it, R4); each one changes an input document, so each must be computed again.
        (string Line, bool AltersFigures)[] changes =
        [
            ("""{"at":"2026-03-20T15:00:00Z","type":"RequestCredit","troubleTicketId":"TT-cached-1","contactId":"ops@cached.example"}""", true), // R9, R10
            ("""{"at":"2026-03-20T15:00:00Z","type":"ChangeMonthlyRate","accountId":"cached","monthlyRate":3300.00,"effectiveMonth":"2026-03"}""", true), // R5
            ("""{"at":"2026-03-20T15:00:00Z","type":"ScheduleMaintenanceWindow","accountId":"cached","from":"2026-03-18T10:00:00Z","to":"2026-03-18T12:00:00Z"}""", false), // R4
            ("""{"at":"2026-03-20T15:00:00Z","type":"DeclareHoliday","date":"2026-03-19","name":"Office closure","reason":"test"}""", false), // R14
            ("""{"at":"2026-03-20T15:00:00Z","type":"RequestCredit","troubleTicketId":"TT-cached-2","contactId":"ops@cached.example"}""", true), // R4, R10
        ];
        var before = first;
        foreach (var (change, altersFigures) in changes)
        {
            var summary = await new JournalImporter(other, Actor.System("other-host"))
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(change)), _ => ValueTask.CompletedTask, null, default);
            summary.Accepted.ShouldBe(1, change);
            counts = cache.Counts;
            var after = await MarchAsync(host);
            cache.Counts.ShouldBe((counts.Hits, counts.Computed + 1), change);
            JToken.DeepEquals(after, await Projected.FoldAsync(host.Store, "cached", "2026-03")).ShouldBeTrue($"{change}\nserved: {after}");
            if (altersFigures)
            {
                JToken.DeepEquals(after, before).ShouldBeFalse($"{change} changes March's statement");
            }
            before = after;
        }
    }

    [Fact] // An older build during an upgrade, or a fix by hand, rewrites a document without keeping its fold count.
    public async Task A_write_that_keeps_no_fold_count_is_seen_by_its_write_time()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var cache = host.Services.GetRequiredService<StatementCache>();
        (await host.ImportAsync(Journals.ClosedOutages(["legacy"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.PostAsync("/trouble-tickets/TT-legacy-0/credit-requests", new { contactId = Journals.Contact("legacy") })).Status.ShouldBe(201);
        var before = (await host.GetAsync("/accounts/legacy/statements/2026-03")).Body;
        JToken.DeepEquals((await host.GetAsync("/accounts/legacy/statements/2026-03")).Body, before).ShouldBeTrue();

        // Given the cached statement, when the account's terms are rewritten with another rate and the same count...
        await ExecuteAsync(host, $"update {host.Schema}.mt_doc_accountterms set data = jsonb_set(data, '{{registeredRate}}', '4500.00'), " +
                                 "mt_last_modified = clock_timestamp() where id = 'legacy'");
        var counts = cache.Counts;
        var after = (await host.GetAsync("/accounts/legacy/statements/2026-03")).Body;

        // ...then the next GET computes again, from the rewritten terms.
        cache.Counts.Computed.ShouldBe(counts.Computed + 1);
        ((decimal)after["monthlyRate"]!).ShouldBe(4500.00m);
        ((decimal)before["monthlyRate"]!).ShouldBe(3000.00m);
    }

    [Fact] // An older build's migration dropped the count's column: statements are computed, not refused, until db-apply.
    public async Task Without_the_count_columns_statements_are_computed_and_kept_again_once_the_schema_is_applied()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var cache = host.Services.GetRequiredService<StatementCache>();
        (await host.ImportAsync(Journals.ClosedOutages(["dropped"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.PostAsync("/trouble-tickets/TT-dropped-0/credit-requests", new { contactId = Journals.Contact("dropped") })).Status.ShouldBe(201);
        var expected = await Projected.FoldAsync(host.Store, "dropped", "2026-03");
        JToken.DeepEquals((await host.GetAsync("/accounts/dropped/statements/2026-03")).Body, expected).ShouldBeTrue();

        await ExecuteAsync(host, $"alter table {host.Schema}.mt_doc_accountterms drop column events_folded");
        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await host.GetAsync("/accounts/dropped/statements/2026-03");
            status.ShouldBe(200);
            JToken.DeepEquals(body, expected).ShouldBeTrue();
        }
        var counts = cache.Counts;
        counts.Hits.ShouldBe(0);

        // Marten's migration adds the column back filled from the documents, which did not change: the statement kept
        // before the drop is the right one again.
        await host.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        JToken.DeepEquals((await host.GetAsync("/accounts/dropped/statements/2026-03")).Body, expected).ShouldBeTrue();
        JToken.DeepEquals((await host.GetAsync("/accounts/dropped/statements/2026-03")).Body, expected).ShouldBeTrue();
        cache.Counts.Hits.ShouldBe(2);
    }

    private static async Task ExecuteAsync(KestrelHost host, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(((Weasel.Postgresql.PostgresqlDatabase)host.Store.Storage.Database).DataSource.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Readers_racing_writers_are_left_with_every_statement_equal_to_its_fold_and_after_a_rebuild()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        var accounts = Enumerable.Range(0, 3).Select(a => $"race{a}").ToList();
        (await host.ImportAsync(Journals.ClosedOutages(accounts))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        string[] months = ["2026-02", "2026-03", "2026-04"];

        // Given readers reading every statement in a loop, when approvals, rate changes and windows arrive at once...
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var account in accounts)
                {
                    foreach (var month in months)
                    {
                        (await host.GetAsync($"/accounts/{account}/statements/{month}")).Status.ShouldBe(200);
                    }
                }
            }
        })).ToList();
        var writes = accounts.SelectMany(a => new (string Url, object Body)[]
        {
            ($"/trouble-tickets/TT-{a}-0/credit-requests", new { contactId = Journals.Contact(a) }),
            ($"/trouble-tickets/TT-{a}-1/credit-requests", new { contactId = Journals.Contact(a) }),
            ($"/trouble-tickets/TT-{a}-3/credit-requests", new { contactId = Journals.Contact(a) }),
            ($"/accounts/{a}/rates", new { monthlyRate = 2500.00m, effectiveMonth = "2026-02" }),
            ($"/accounts/{a}/rates", new { monthlyRate = 3300.00m, effectiveMonth = "2026-03" }),
            ($"/accounts/{a}/maintenance-windows", new { from = "2026-03-19T10:00:00Z", to = "2026-03-19T14:00:00Z" }),
        }).OrderBy(_ => Random.Shared.Next()).ToList();
        var sent = writes.Select(w => Task.Run(async () =>
        {
            await Task.Delay(Random.Shared.Next(50));
            var (status, body, _) = await host.PostAsync(w.Url, w.Body);
            status.ShouldBeOneOf([201, 409], body.ToString());
        })).ToList();
        await Task.WhenAll(sent);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // ...then every statement served afterwards equals the fold of the events,
        await EveryStatementEqualsItsFold(host, accounts, months);
        // and still does after the one-pass rebuild, which writes the documents (and their fold counts) anew.
        await new OnePassRebuild(host.Store).RunAsync(null, default);
        await EveryStatementEqualsItsFold(host, accounts, months);
    }

    [Fact]
    public async Task With_the_cache_turned_off_every_request_computes_the_statement()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, ["Statements:CacheMegabytes=0"]);
        (await host.ImportAsync(Journals.ClosedOutages(["uncached"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.PostAsync("/trouble-tickets/TT-uncached-0/credit-requests", new { contactId = Journals.Contact("uncached") })).Status.ShouldBe(201);
        var cache = host.Services.GetRequiredService<StatementCache>();
        for (var i = 0; i < 3; i++)
        {
            var (status, body, _) = await host.GetAsync("/accounts/uncached/statements/2026-03");
            status.ShouldBe(200);
            JToken.DeepEquals(body, await Projected.FoldAsync(host.Store, "uncached", "2026-03")).ShouldBeTrue();
        }
        cache.Counts.ShouldBe((0, 3));
    }

    [Fact] // Npgsql multiplexes only pooled connections; a deployment without pooling still gets its statements.
    public async Task A_connection_string_without_pooling_still_serves_statements()
    {
        await using var host = await KestrelHost.StartAsync(database, Now, [$"ConnectionStrings:Spiisee={database.ConnectionString};Pooling=false"]);
        (await host.ImportAsync(Journals.ClosedOutages(["unpooled"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.PostAsync("/trouble-tickets/TT-unpooled-0/credit-requests", new { contactId = Journals.Contact("unpooled") })).Status.ShouldBe(201);
        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await host.GetAsync("/accounts/unpooled/statements/2026-03");
            status.ShouldBe(200);
            JToken.DeepEquals(body, await Projected.FoldAsync(host.Store, "unpooled", "2026-03")).ShouldBeTrue();
        }
        host.Services.GetRequiredService<StatementCache>().Counts.Hits.ShouldBe(1);
    }

    [Fact] // An unknown account, and one the caller may not see, are 404 whether or not a statement is cached.
    public async Task An_unknown_account_is_not_found_before_and_after_caching()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        (await host.ImportAsync(Journals.ClosedOutages(["known"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        (await host.GetAsync("/accounts/known/statements/2026-03")).Status.ShouldBe(200);
        (await host.GetAsync("/accounts/known/statements/2026-03")).Status.ShouldBe(200);
        (await host.GetAsync("/accounts/unknown/statements/2026-03")).Status.ShouldBe(404);
        (await host.GetAsync("/accounts/known/statements/2026-03?format=xml")).Status.ShouldBe(400);
        var (_, table, response) = await host.SendAsync(HttpMethod.Get, "/accounts/known/statements/2026-03?format=table", KestrelHost.Auditor);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        table.ToString().ShouldContain("known");
    }

    private static async Task<JToken> MarchAsync(KestrelHost host)
    {
        var (status, body, response) = await host.GetAsync("/accounts/cached/statements/2026-03");
        status.ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return body;
    }

    private static async Task EveryStatementEqualsItsFold(KestrelHost host, IEnumerable<string> accounts, IEnumerable<string> months)
    {
        foreach (var account in accounts)
        {
            foreach (var month in months)
            {
                var served = (await host.GetAsync($"/accounts/{account}/statements/{month}")).Body;
                var folded = await Projected.FoldAsync(host.Store, account, month);
                JToken.DeepEquals(served, folded).ShouldBeTrue($"{account} {month}\nserved: {served}\nfold: {folded}");
            }
        }
    }
}
