using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;

namespace Spiisee.EventSourced.Host.Formats;

/// <summary>The holidays in force as iCalendar (RFC 5545) all-day events, and iCalendar files read back as dates (R14).</summary>
public static class HolidayIcs
{
    public const string ContentType = "text/calendar";

    /// <summary>One all-day event per holiday in force in the years, with a UID that stays the same from export to export.</summary>
    public static string Export(CalendarHistory history, int fromYear, int toYear)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Spiisee//Everest support calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Spiisee Everest support holidays");
        calendar.AddProperty("X-SPIISEE-CALENDAR-VERSION", history.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var year = fromYear; year <= toYear; year++)
        {
            foreach (var h in HolidayInForce.In(year, history))
            {
                var date = new CalDateTime(h.Date.Year, h.Date.Month, h.Date.Day);
                var next = h.Date.PlusDays(1);
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{h.Date:yyyy-MM-dd}@holidays.spiisee",
                    Summary = h.Name,
                    DtStart = date,
                    DtEnd = new CalDateTime(next.Year, next.Month, next.Day),
                    DtStamp = new CalDateTime(2000, 1, 1, 0, 0, 0, "UTC"),
                    Transparency = "TRANSPARENT",
                    Categories = [h.Origin.ToString()],
                    Description = h.DeclaredBy is { } c
                        ? $"Declared by {c.By} at {c.At} (calendar version {c.Version}){(c.Reason is null ? "" : ": " + c.Reason)}"
                        : "US federal holiday as observed (R3)",
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>An event of an imported file: its all-day dates and name, or why it cannot be one.</summary>
    public sealed record ImportedEvent(int Number, string? Uid, string? Name, IReadOnlyList<LocalDate> Dates, string? Invalid);

    public const int MaxDaysPerEvent = 31;

    /// <summary>Reads a file's VEVENTs; one that is not all-day, or spans more than a month, is invalid on its own.</summary>
    public static IReadOnlyList<ImportedEvent> Read(string text)
    {
        var calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("no VCALENDAR found");
        var events = new List<ImportedEvent>();
        var n = 0;
        foreach (var e in calendar.Events)
        {
            n++;
            var name = string.IsNullOrWhiteSpace(e.Summary) ? null : e.Summary.Trim();
            if (e.DtStart is not { } start || start.HasTime)
            {
                events.Add(new ImportedEvent(n, e.Uid, name, [], "NotAllDay"));
                continue;
            }
            var first = new LocalDate(start.Year, start.Month, start.Day);
            var end = e.DtEnd is { HasTime: false } dtEnd ? new LocalDate(dtEnd.Year, dtEnd.Month, dtEnd.Day) : first.PlusDays(1);
            var days = NodaTime.Period.DaysBetween(first, end);
            if (days < 1 || days > MaxDaysPerEvent)
            {
                events.Add(new ImportedEvent(n, e.Uid, name, [], "InvalidSpan"));
                continue;
            }
            events.Add(new ImportedEvent(n, e.Uid, name, Enumerable.Range(0, days).Select(first.PlusDays).ToList(), null));
        }
        return events;
    }
}
