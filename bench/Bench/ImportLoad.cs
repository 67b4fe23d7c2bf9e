using System.Diagnostics;
using System.Globalization;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Bench;

/// <summary>
/// A load run of the journal import: generates a synthetic journal of whole ticket lifecycles across many accounts,
/// imports it into a fresh schema of ConnectionStrings__Spiisee, and reports lines/s and peak memory; then re-imports it
/// (idempotent) and rebuilds every projection from the events.
/// </summary>
public static class ImportLoad
{
    public static async Task<int> RunAsync(int lines)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("import-load needs ConnectionStrings__Spiisee (source scripts/postgres.sh)");
            return 69;
        }
        var path = Path.Combine(Path.GetTempPath(), $"spiisee-load-{lines}.jsonl");
        var written = Generate(path, lines);
        var schema = "load_" + Guid.NewGuid().ToString("N")[..8];
        using var store = StoreConfiguration.Create(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var importer = new JournalImporter(store, Actor.System("load"));
        var clock = Stopwatch.StartNew();
        await using var reader = File.OpenRead(path);
        var summary = await importer.ImportAsync(reader, _ => ValueTask.CompletedTask, p => Console.Error.WriteLine($"  {p}"), default);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import-load: {written} lines generated; {summary}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB; schema {schema}"));

        var second = Stopwatch.StartNew();
        await using var again = File.OpenRead(path);
        var replay = await importer.ImportAsync(again, _ => ValueTask.CompletedTask, null, default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import-load: re-import (idempotent) {replay}"));
        File.Delete(path);

        // Analysts rebuild after a calendar change: every projection replayed from the events through the daemon.
        await using (var session = store.QuerySession())
        {
            var events = await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
            using var daemon = await store.BuildProjectionDaemonAsync();
            var rebuild = Stopwatch.StartNew();
            foreach (var name in new[] { "AccountTerms", "MonthlyApprovals", "TicketTimeline", "TroubleTicketFile", "Calendar", "IncidentFile" })
            {
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), default);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import-load:   {name} rebuilt in {one.Elapsed.TotalSeconds:0.0} s"));
            }
            rebuild.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-load: rebuild of 4 projections over {events} events in {rebuild.Elapsed.TotalSeconds:0.0} s ({events * 3 / rebuild.Elapsed.TotalSeconds:0} event applications/s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
        }
        await WhatIfAsync(store);
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        return 0;
    }

    /// <summary>
    /// R14's what-if over the whole store, against its floor: streaming every statement-inputs document without computing.
    /// The proposed dates fall inside the generated outages' MTTR spans, so every account has months to recompute.
    /// </summary>
    private static async Task WhatIfAsync(Marten.IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var read = Stopwatch.StartNew();
        var documents = 0;
        await foreach (var _ in Marten.QueryableExtensions.ToAsyncEnumerable(session.Query<Spiisee.EventSourced.Projections.Statements.MonthlyApprovals>(), default))
        {
            documents++;
        }
        read.Stop();
        foreach (var date in new[] { "2026-03-04", "2026-06-17" })
        {
            var proposal = new Spiisee.EventSourced.Projections.Calendar.ProposedChange(CalendarChangeKind.Declared,
                NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value, "bench", null);
            var clock = Stopwatch.StartNew();
            var view = await Spiisee.EventSourced.Projections.Calendar.WhatIfView.RunAsync(new Spiisee.EventSourced.Projections.Calendar.WhatIfService(session),
                proposal, new CommandContext(NodaTime.SystemClock.Instance.GetCurrentInstant(), Actor.System("bench")), default);
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-load: what-if declare {date} over {documents} month documents: {view.Rows.Count} months differ, {clock.Elapsed.TotalSeconds:0.00} s; streaming the documents alone {read.Elapsed.TotalSeconds:0.00} s (ratio {clock.Elapsed.TotalSeconds / read.Elapsed.TotalSeconds:0.0})"));
        }
    }

    /// <summary>Accounts of 2 lines, then cases of 8 lines (ticket, escalation, trouble ticket, assignment, resolution, close, credit, duplicate).</summary>
    private static int Generate(string path, int target)
    {
        using var w = new StreamWriter(path);
        var count = 0;
        var at = new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero);
        string T(int minutes) => at.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        void Line(string s) { w.WriteLine(s); count++; }
        for (var a = 0; count < target; a++)
        {
            var account = $"acct-{a}";
            Line($$"""{"at":"{{T(0)}}","type":"RegisterAccount","accountId":"{{account}}","plan":"Standard","monthlyRate":2200.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2027-12-31"}""");
            Line($$"""{"at":"{{T(1)}}","type":"AuthorizeContact","accountId":"{{account}}","contactId":"c@{{account}}"}""");
            for (var c = 0; c < 20 && count < target; c++)
            {
                var day = (a * 7 + c * 3) % 300;
                var ticket = $"{account}-T{c}";
                var trouble = $"{account}-TT{c}";
                var start = day * 24 * 60;
                Line($$"""{"at":"{{T(start)}}","type":"OpenTicket","ticketId":"{{ticket}}","accountId":"{{account}}","contactId":"c@{{account}}","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""");
                Line($$"""{"at":"{{T(start + 10)}}","type":"EscalateTicket","ticketId":"{{ticket}}","priority":"P1"}""");
                Line($$"""{"at":"{{T(start + 20)}}","type":"OpenTroubleTicket","troubleTicketId":"{{trouble}}","replacesTicketId":"{{ticket}}","kind":"Outage"}""");
                Line($$"""{"at":"{{T(start + 60)}}","type":"AssignTroubleTicket","troubleTicketId":"{{trouble}}","agentId":"agent-{{c % 9}}"}""");
                Line($$"""{"at":"{{T(start + 60 * (20 + c * 5))}}","type":"ResolveTroubleTicket","troubleTicketId":"{{trouble}}","rootCause":"PlatformDefect"}""");
                Line($$"""{"at":"{{T(start + 60 * (21 + c * 5))}}","type":"CloseTroubleTicket","troubleTicketId":"{{trouble}}"}""");
                Line($$"""{"at":"{{T(start + 60 * (24 + c * 5))}}","type":"RequestCredit","troubleTicketId":"{{trouble}}","contactId":"c@{{account}}"}""");
                Line($$"""{"at":"{{T(start + 60 * (25 + c * 5))}}","type":"RequestCredit","troubleTicketId":"{{trouble}}","contactId":"c@{{account}}"}""");
            }
        }
        return count;
    }
}
