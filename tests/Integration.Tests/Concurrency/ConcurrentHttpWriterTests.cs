using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Concurrency;

/// <summary>
/// Statements stay exact under any interleaving of writers: approvals, rate changes and windows of one account
/// arrive at once over real HTTP, across accounts and within each, round after round. Each projected statement must
/// then equal the pure fold of its account's events and a rebuild from the event store.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ConcurrentHttpWriterTests(PostgresDatabase database)
{
    // Friday 20 March 2026, 11:00 EDT: every trouble ticket below closed this week, so each request is in time (R12).
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 20, 15, 0);
    private const int Accounts = 6;
    private const int TroubleTicketsPerAccount = 4;
    private const int Rounds = 3;

    [Fact]
    public async Task Parallel_writers_over_http_leave_every_statement_equal_to_its_fold_and_a_rebuild()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        for (var round = 0; round < Rounds; round++)
        {
            var accounts = Enumerable.Range(0, Accounts).Select(a => $"r{round}-a{a}").ToList();
            (await host.ImportAsync(Journals.ClosedOutages(accounts, TroubleTicketsPerAccount))).ShouldAllBe(r => (string)r["status"]! == "Accepted");

            // Given every account's four closed outages, when their credit requests, two rate changes and two
            // prearranged windows per account are all sent at once...
            var writes = accounts.SelectMany(Writes).OrderBy(_ => Random.Shared.Next()).ToList();
            var approved = new ConcurrentDictionary<string, int>();
            using var start = new SemaphoreSlim(0);
            var sent = writes.Select(w => Task.Run(async () =>
            {
                await start.WaitAsync();
                var (status, body, _) = await host.PostAsync(w.Url, w.Body);
                // 201 is recorded; 409 is an explicit refusal after the retries: nothing of it was written.
                status.ShouldBeOneOf([201, 409], body.ToString());
                if (status == 201 && w.Url.EndsWith("/credit-requests", StringComparison.Ordinal))
                {
                    approved.AddOrUpdate(w.Account, 1, (_, n) => n + 1);
                }
            })).ToList();
            start.Release(writes.Count);
            await Task.WhenAll(sent);

            // ...then each statement counts every approved outage, and equals the fold of the account's events.
            foreach (var account in accounts)
            {
                var (status, march, _) = await host.GetAsync($"/accounts/{account}/statements/2026-03");
                status.ShouldBe(200);
                march["troubleTickets"]!.Count().ShouldBe(approved.GetValueOrDefault(account), $"{account}: approved outages in the statement");
                foreach (var month in new[] { "2026-02", "2026-03", "2026-04" })
                {
                    var projected = (await host.GetAsync($"/accounts/{account}/statements/{month}")).Body;
                    var folded = await Projected.FoldAsync(host.Store, account, month);
                    JToken.DeepEquals(projected, folded).ShouldBeTrue($"{account} {month}\nprojected: {projected}\nfold: {folded}");
                }
            }
        }

        // A rebuild from the events reproduces every projected document.
        var before = await Projected.SnapshotAsync(host.Store);
        await Projected.RebuildAsync(host.Store);
        (await Projected.SnapshotAsync(host.Store)).ShouldBeSameDocuments(before);
        // And the one-pass rebuild agrees with both.
        await new Spiisee.EventSourced.Projections.Storage.OnePassRebuild(host.Store).RunAsync(null, default);
        (await Projected.SnapshotAsync(host.Store)).ShouldBeSameDocuments(before);
    }

    [Fact] // Journal imports and single commands on one account at once: every line answered, none lost, figures exact.
    public async Task Journals_and_commands_racing_on_one_account_lose_nothing()
    {
        await using var host = await KestrelHost.StartAsync(database, Now);
        (await host.ImportAsync(Journals.ClosedOutages(["busy"]))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        var journals = Enumerable.Range(0, 8).Select(j => string.Join('\n', Enumerable.Range(0, 3).Select(k => Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            at = "2026-03-20T15:00:00Z", type = "ChangeMonthlyRate", accountId = "busy", monthlyRate = 3000.00m + j * 10 + k, effectiveMonth = "2026-03",
        })))).ToList();
        var imports = journals.Select(j => Task.Run(() => host.ImportAsync(j))).ToList();
        var commands = Enumerable.Range(0, 8).Select(i => Task.Run(() => host.PostAsync("/accounts/busy/rates", new { monthlyRate = 4000.00m + i, effectiveMonth = "2026-03" })))
            .ToList();
        await Task.WhenAll(imports.Cast<Task>().Concat(commands));

        var lines = imports.SelectMany(t => t.Result).ToList();
        lines.Count.ShouldBe(24, "every line is answered");
        lines.ShouldAllBe(l => (string)l["status"]! == "Accepted" || (string?)l["reason"] == "ConcurrencyConflict");
        commands.ShouldAllBe(c => c.Result.Status == 201 || c.Result.Status == 409);
        var accepted = lines.Count(l => (string)l["status"]! == "Accepted") + commands.Count(c => c.Result.Status == 201);
        var (_, account, _) = await host.GetAsync("/accounts/busy");
        account["rateChanges"]!.Count().ShouldBe(accepted, "each accepted change is recorded once");
        JToken.DeepEquals((await host.GetAsync("/accounts/busy/statements/2026-03")).Body, await Projected.FoldAsync(host.Store, "busy", "2026-03")).ShouldBeTrue();
    }

    private sealed record Write(string Account, string Url, object Body);

    private static IEnumerable<Write> Writes(string account)
    {
        for (var k = 0; k < TroubleTicketsPerAccount; k++)
        {
            yield return new Write(account, $"/trouble-tickets/TT-{account}-{k}/credit-requests", new { contactId = Journals.Contact(account) });
        }
        // A retroactive rate change (R5) and one from March, both recorded now.
        yield return new Write(account, $"/accounts/{account}/rates", new { monthlyRate = 2500.00m, effectiveMonth = "2026-02" });
        yield return new Write(account, $"/accounts/{account}/rates", new { monthlyRate = 3300.00m, effectiveMonth = "2026-03" });
        // Prearranged windows recorded after the fact over the scheduled-maintenance outage (R4, R10).
        yield return new Write(account, $"/accounts/{account}/maintenance-windows", new { from = "2026-03-19T10:00:00Z", to = "2026-03-19T14:00:00Z" });
        yield return new Write(account, $"/accounts/{account}/maintenance-windows", new { from = "2026-03-19T16:00:00Z", to = "2026-03-19T18:00:00Z" });
    }
}
