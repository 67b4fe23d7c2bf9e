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
    public static readonly string[] ProjectionNames = ["AccountStatements", "TicketTimeline", "TroubleTicketFile", "Calendar"];

    /// <summary>Every projected document, ordered by id, as JSON.</summary>
    public static async Task<string> SnapshotAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var all = new
        {
            statements = (await session.Query<AccountStatements>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            tickets = (await session.Query<TicketTimeline>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            troubleTickets = (await session.Query<TroubleTicketFile>().ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal),
            calendar = await session.Query<Spiisee.EventSourced.Projections.Calendar.CalendarRecord>().ToListAsync(),
        };
        return JsonConvert.SerializeObject(all, JsonSettings.Create(indented: true));
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
