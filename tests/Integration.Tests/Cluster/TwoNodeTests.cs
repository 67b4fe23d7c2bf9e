using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Xunit.Abstractions;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Cluster;

/// <summary>
/// Two host processes on one database: both take commands at once and lose none; exactly one leads Marten's daemon
/// (HotCold); killed with SIGKILL, the leader is replaced within the bound below and statements stay exact.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TwoNodeTests(PostgresDatabase database, ITestOutputHelper output)
{
    /// <summary>The stated bound on a takeover: the leader's advisory lock goes with its connection; the standby polls.</summary>
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Two_nodes_share_the_work_and_a_killed_leader_is_replaced()
    {
        var schema = PostgresDatabase.NewSchemaName();
        await using var smtp = InProcessSmtp.Start();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Spiisee"] = database.ConnectionString,
            ["Storage__Schema"] = schema,
            ["Auth__Keys__0__Key"] = "node-backoffice",
            ["Auth__Keys__0__Role"] = "BackOffice",
            ["Auth__Keys__0__Name"] = "backoffice",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
        };
        await using var a = await ServerProcess.StartAsync(settings);
        await using var b = await ServerProcess.StartAsync(settings);
        var nodes = new[] { a, b };
        var leader = await OneLeaderAsync(nodes, TakeoverBound);

        // Both nodes take journals at once: the accounts on one, credit requests and rate changes split across both.
        var accounts = Enumerable.Range(0, 6).Select(i => $"n{i}").ToList();
        (await ImportAsync(a, Journals.ClosedOutages(accounts))).ShouldAllBe(r => (string)r["status"]! == "Accepted");
        var writes = accounts.SelectMany(account => Enumerable.Range(0, 4).Select(k => JsonConvert.SerializeObject(new
            {
                at = "2026-03-20T15:00:00Z", type = "RequestCredit", troubleTicketId = $"TT-{account}-{k}", contactId = Journals.Contact(account),
            }))
            .Append(JsonConvert.SerializeObject(new { at = "2026-03-20T15:00:00Z", type = "ChangeMonthlyRate", accountId = account, monthlyRate = 3300.00m, effectiveMonth = "2026-03" })))
            .ToList();
        var sent = writes.Select((line, i) => Task.Run(() => ImportAsync(nodes[i % 2], line))).ToList();
        var results = (await Task.WhenAll(sent)).SelectMany(r => r).ToList();
        results.Count.ShouldBe(writes.Count, "every line is answered");
        results.ShouldAllBe(r => (string)r["status"]! == "Accepted");
        await using var store = Spiisee.EventSourced.Projections.Storage.StoreConfiguration.Create(database.ConnectionString, schema, JasperFx.AutoCreate.None);
        await StatementsAreExactAsync(store, nodes, accounts);

        // Kill the leader: the other node takes over within the bound, and its daemon runs the notices from then on.
        var survivor = leader == a ? b : a;
        var clock = Stopwatch.StartNew();
        leader.Kill();
        (await OneLeaderAsync([survivor], TakeoverBound)).ShouldBe(survivor);
        var takeover = clock.Elapsed;
        output.WriteLine($"takeover after SIGKILL: {takeover.TotalSeconds:0.0} s (bound {TakeoverBound.TotalSeconds:0} s)");
        (await ImportAsync(survivor, """{"at":"2026-03-21T09:00:00-04:00","type":"DeclareIncident","incidentId":"INC-N","title":"Node failover drill","impact":"none","accounts":["n0"],"startedAt":"2026-03-21T08:00:00-04:00"}"""))
            .Single()["status"]!.ToString().ShouldBe("Accepted");
        (await smtp.WaitForAsync(1, TakeoverBound)).Single().To.Mailboxes.Single().Address.ShouldBe(Journals.Contact("n0"));
        await StatementsAreExactAsync(store, [survivor], accounts);
        takeover.ShouldBeLessThan(TakeoverBound);
        await database.DropSchemaAsync(schema);
    }

    private static async Task StatementsAreExactAsync(Marten.IDocumentStore store, IEnumerable<ServerProcess> nodes, IEnumerable<string> accounts)
    {
        foreach (var node in nodes)
        {
            foreach (var account in accounts)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{account}/statements/2026-03");
                request.Headers.Add("X-Api-Key", "node-backoffice");
                using var response = await node.Client.SendAsync(request);
                var projected = JToken.Parse(await response.Content.ReadAsStringAsync());
                projected["troubleTickets"]!.Count().ShouldBe(4, account);
                JToken.DeepEquals(projected, await Projected.FoldAsync(store, account, "2026-03")).ShouldBeTrue(account);
            }
        }
    }

    private static async Task<ServerProcess> OneLeaderAsync(IReadOnlyList<ServerProcess> nodes, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var roles = new List<(ServerProcess Node, string Role)>();
            foreach (var node in nodes)
            {
                var health = JObject.Parse(await node.Client.GetStringAsync("/health"));
                roles.Add((node, (string)health["role"]!));
            }
            var leaders = roles.Where(r => r.Role == "leader").ToList();
            if (leaders.Count == 1 && roles.Count(r => r.Role == "standby") == nodes.Count - 1)
            {
                return leaders[0].Node;
            }
            leaders.Count.ShouldBeLessThanOrEqualTo(1, "never two leaders");
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no single leader within {within}: {string.Join(", ", roles.Select(r => r.Role))}");
            }
            await Task.Delay(250);
        }
    }

    private static async Task<IReadOnlyList<JObject>> ImportAsync(ServerProcess node, string journal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/journal") { Content = new StringContent(journal, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Add("X-Api-Key", "node-backoffice");
        using var response = await node.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
    }
}
