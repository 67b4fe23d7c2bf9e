using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Projections.Calendar;

/// <summary>
/// Turns configured calendar changes into calendar events, on an empty store only (R14): configuration then never
/// decides a figure on its own, and two processes with different settings still read one calendar.
/// </summary>
public static class CalendarSeed
{
    /// <summary>Seeded changes count from the start of the dates the engine accepts, so every figure sees them.</summary>
    public static readonly Instant RecordedAt = Instant.FromUtc(2000, 1, 1, 0, 0);

    public static readonly Actor Seeder = Actor.System("configuration");

    /// <summary>What became of the configured changes, one line each, for the caller to log; empty when none were configured.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IDocumentStore store, CalendarSettings seed, CancellationToken ct)
    {
        if (seed.ExtraHolidays.Count == 0 && seed.WithdrawnHolidays.Count == 0)
        {
            return [];
        }
        await using (var session = store.QuerySession())
        {
            if (await session.Events.QueryAllRawEvents().AnyAsync(ct))
            {
                var calendar = (await CalendarReader.LoadAsync(session, ct)).Current;
                var differs = seed.ExtraHolidays.Any(d => !calendar.IsHoliday(d)) || seed.WithdrawnHolidays.Any(calendar.IsHoliday);
                return differs
                    ? ["calendar: Calendar:ExtraHolidays and Calendar:WithdrawnHolidays are ignored: they seed an empty store only, and this one has events. Record changes with DeclareHoliday and WithdrawHoliday (R14)."]
                    : [];
            }
        }
        var service = new CommandService(store);
        var context = new CommandContext(RecordedAt, Seeder);
        var results = new List<string>();
        foreach (var date in seed.WithdrawnHolidays.Order())
        {
            var outcome = await service.ExecuteAsync(new WithdrawHoliday(date, "Calendar:WithdrawnHolidays"), context, ct);
            results.Add($"calendar: withdrawing {date:yyyy-MM-dd} from configuration: {outcome.Reason ?? "recorded"}");
        }
        foreach (var date in seed.ExtraHolidays.Order())
        {
            var outcome = await service.ExecuteAsync(new DeclareHoliday(date, "Declared in configuration", "Calendar:ExtraHolidays"), context, ct);
            results.Add($"calendar: declaring {date:yyyy-MM-dd} from configuration: {outcome.Reason ?? "recorded"}");
        }
        return results;
    }
}
