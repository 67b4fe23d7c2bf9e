using JasperFx.Events;
using Marten.Events.Aggregation;
using Spiisee.EventSourced.Domain.Calendar;

namespace Spiisee.EventSourced.Projections.Calendar;

/// <summary>Keeps <see cref="CalendarRecord"/> in step with the calendar stream, inline, in the change's own transaction.</summary>
public sealed partial class CalendarRecordProjection : SingleStreamProjection<CalendarRecord, string>
{
    public CalendarRecordProjection()
    {
        Name = "Calendar";
        // Only the calendar's events: without the list every stream would get a calendar document.
        IncludeType<HolidayDeclared>();
        IncludeType<HolidayWithdrawn>();
    }

    public override CalendarRecord Evolve(CalendarRecord? snapshot, string id, IEvent e)
    {
        var doc = snapshot ?? new CalendarRecord { Id = id };
        switch (e.Data)
        {
            case HolidayDeclared:
            case HolidayWithdrawn:
                doc.Changes.Add(CalendarChange.From(e.Version, e.Data));
                doc.EventsFolded++;
                break;
        }
        return doc;
    }
}
