using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Calendar;

/// <summary>The calendar stream's changes as one document, so a query reads the calendar with one load (R14).</summary>
public sealed class CalendarRecord
{
    public static readonly string Key = StreamKeys.For(StreamRef.Calendar);

    public string Id { get; set; } = Key;

    public List<CalendarChange> Changes { get; set; } = [];

    /// <summary>Calendar changes folded in (see <see cref="Statements.AccountTerms.EventsFolded"/>).</summary>
    public long EventsFolded { get; set; }

    public CalendarHistory History() => new(Changes);
}
