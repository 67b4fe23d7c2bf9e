using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>R14: the back office's changes to the calendar, judged against the calendar as recorded.</summary>
public static class CalendarDecider
{
    public static Decision Decide(CalendarHistory? history, DeclareHoliday c, CommandContext ctx)
    {
        history ??= CalendarHistory.Empty;
        if (Refusal(history, c.Date, ctx) is { } refused)
        {
            return Decision.Reject(refused);
        }
        if (history.Current.IsHoliday(c.Date))
        {
            return Decision.Reject(ReasonCodes.DuplicateHoliday);
        }
        return Decision.Accept(new Emitted(StreamRef.Calendar, new HolidayDeclared(c.Date, c.Name, c.Reason, ctx.At, ctx.By)));
    }

    public static Decision Decide(CalendarHistory? history, WithdrawHoliday c, CommandContext ctx)
    {
        history ??= CalendarHistory.Empty;
        if (Refusal(history, c.Date, ctx) is { } refused)
        {
            return Decision.Reject(refused);
        }
        if (!history.Current.IsHoliday(c.Date))
        {
            return Decision.Reject(ReasonCodes.NotAHoliday);
        }
        return Decision.Accept(new Emitted(StreamRef.Calendar, new HolidayWithdrawn(c.Date, c.Reason, ctx.At, ctx.By)));
    }

    private static string? Refusal(CalendarHistory history, LocalDate date, CommandContext ctx)
    {
        if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            return ReasonCodes.NotAWeekday;
        }
        // A change is recorded when it is made: one dated after it was received would hold back every change made
        // until then (see OutOfOrder below).
        if (ctx.ReceivedAt is { } received && ctx.At > received)
        {
            return ReasonCodes.FutureDated;
        }
        // "As of X" reads the changes recorded at or before X as a prefix of the stream; a change dated before the
        // last one would make an earlier figure's calendar depend on when it was asked.
        return history.LastChangeAt is { } last && ctx.At < last ? ReasonCodes.OutOfOrder : null;
    }
}
