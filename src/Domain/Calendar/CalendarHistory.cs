using System.Collections.Concurrent;
using NodaTime;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>
/// R14: the calendar as recorded: R3's federal holidays plus the changes of the calendar stream, in the order they were
/// recorded (their instants never go backwards: <see cref="CalendarDecider"/> refuses a change dated before the last).
/// A figure determined at an instant uses the changes recorded at or before it.
/// </summary>
public sealed class CalendarHistory
{
    private readonly ConcurrentDictionary<int, HolidayCalendar> _calendars = new();

    public CalendarHistory(IReadOnlyList<CalendarChange> changes)
    {
        Changes = changes;
    }

    public static CalendarHistory Empty { get; } = new([]);

    public IReadOnlyList<CalendarChange> Changes { get; }

    /// <summary>The calendar stream's version: how many changes are recorded.</summary>
    public long Version => Changes.Count;

    public Instant? LastChangeAt => Changes.Count == 0 ? null : Changes[^1].At;

    /// <summary>The calendar with every recorded change.</summary>
    public HolidayCalendar Current => CalendarOf(Changes.Count);

    public static CalendarHistory Evolve(CalendarHistory? history, object @event)
    {
        var changes = history?.Changes ?? [];
        return new CalendarHistory([.. changes, CalendarChange.From(changes.Count + 1, @event)]);
    }

    /// <summary>The calendar as recorded at an instant: the changes recorded at or before it.</summary>
    public HolidayCalendar At(Instant instant) => CalendarOf(CountAt(instant));

    /// <summary>The calendar once the change of a given version is in.</summary>
    public HolidayCalendar AtVersion(long version) => CalendarOf((int)Math.Clamp(version, 0, Changes.Count));

    /// <summary>The history as it stood at an instant (for "as of" figures).</summary>
    public CalendarHistory AsOf(Instant instant)
    {
        var n = CountAt(instant);
        return n == Changes.Count ? this : new CalendarHistory([.. Changes.Take(n)]);
    }

    /// <summary>The history with one more change, not recorded (what-if).</summary>
    public CalendarHistory With(object proposedEvent) => Evolve(this, proposedEvent);

    /// <summary>The change that last made a date a holiday or a business day, if any.</summary>
    public CalendarChange? LastChangeOf(LocalDate date) => Changes.LastOrDefault(c => c.Date == date);

    private int CountAt(Instant instant)
    {
        // Changes are in non-decreasing instant order: the first one after the instant ends the prefix.
        int lo = 0, hi = Changes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Changes[mid].At <= instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private HolidayCalendar CalendarOf(int count) => count == 0 && Changes.Count == 0
        ? HolidayCalendar.Default
        : _calendars.GetOrAdd(count, n =>
        {
            // A declaration undoes an earlier withdrawal of a federal date, and a withdrawal an earlier declaration.
            var extra = new HashSet<LocalDate>();
            var withdrawn = new HashSet<LocalDate>();
            foreach (var change in Changes.Take(n))
            {
                if (change.Kind == CalendarChangeKind.Declared)
                {
                    if (!withdrawn.Remove(change.Date))
                    {
                        extra.Add(change.Date);
                    }
                }
                else if (!extra.Remove(change.Date))
                {
                    withdrawn.Add(change.Date);
                }
            }
            return new HolidayCalendar(new CalendarSettings(extra, withdrawn, n));
        });
}
