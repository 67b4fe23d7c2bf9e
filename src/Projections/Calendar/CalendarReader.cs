using Marten;
using Spiisee.EventSourced.Domain.Calendar;

namespace Spiisee.EventSourced.Projections.Calendar;

public static class CalendarReader
{
    /// <summary>The calendar as recorded now: R3's default plus every recorded change (R14).</summary>
    public static async Task<CalendarHistory> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<CalendarRecord>(CalendarRecord.Key, ct))?.History() ?? CalendarHistory.Empty;
}
