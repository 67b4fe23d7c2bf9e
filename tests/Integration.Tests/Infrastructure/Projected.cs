using Marten;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>What the projections hold, and what a fresh fold or a rebuild says they should hold.</summary>
public static class Projected
{
    public static readonly string[] ProjectionNames = ["AccountTerms", "MonthlyApprovals", "TicketTimeline", "TroubleTicketFile", "Calendar", "IncidentFile"];

    /// <summary>Every projected document, ordered by id, as JSON.</summary>
    public static async Task<string> SnapshotAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var all = new
        {
            terms = (await session.Query<AccountTerms>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            approvals = (await session.Query<MonthlyApprovals>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            tickets = (await session.Query<TicketTimeline>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            troubleTickets = (await session.Query<TroubleTicketFile>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            calendar = await session.Query<Spiisee.EventSourced.Projections.Calendar.CalendarRecord>().ToListAsync(),
            incidents = (await session.Query<Spiisee.EventSourced.Projections.Incidents.IncidentFile>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
        };
        return JsonConvert.SerializeObject(all, JsonSettings.Create(indented: true));
    }

    /// <summary>
    /// Fails with the first differing lines of two snapshots: a whole snapshot in a message is cut short by the test
    /// runner before the difference shows, which once hid a rebuild-only document.
    /// </summary>
    public static void ShouldBeSameDocuments(this string actual, string expected)
    {
        if (actual == expected)
        {
            return;
        }
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var first = 0;
        while (first < a.Length && first < e.Length && a[first] == e[first])
        {
            first++;
        }
        string Around(string[] lines) => string.Join('\n', lines.Skip(Math.Max(0, first - 8)).Take(24));
        throw new Shouldly.ShouldAssertException(
            $"documents differ from line {first + 1} (expected {e.Length} lines, got {a.Length})\nexpected:\n{Around(e)}\nactual:\n{Around(a)}");
    }

    public static async Task RebuildAsync(IDocumentStore store, params string[] names)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in names.Length == 0 ? ProjectionNames : names)
        {
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(2), CancellationToken.None);
        }
    }

    /// <summary>The statement as projected (one document load).</summary>
    public static async Task<JToken> StatementAsync(IDocumentStore store, string account, string month)
    {
        await using var session = store.QuerySession();
        var view = await StatementView.LoadAsync(session, account, CommandReader.ParseMonth(month, "month"), default);
        return JToken.Parse(JsonConvert.SerializeObject(view, JsonSettings.Create()));
    }

    /// <summary>The statement folded from the account's events alone, as an auditor's as-of query computes it.</summary>
    public static async Task<JToken> FoldAsync(IDocumentStore store, string account, string month)
    {
        await using var session = store.QuerySession();
        var view = await StatementView.LoadAsOfAsync(session, account, CommandReader.ParseMonth(month, "month"), Instant.MaxValue, default);
        return JToken.Parse(JsonConvert.SerializeObject(view, JsonSettings.Create()));
    }
}
