using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Formats;

/// <summary>One result of an iCalendar import, like a journal line's: per event and date.</summary>
public sealed record IcsResult(int Event, string? Uid, string? Date, string Status, string? Reason, string? Message = null);

/// <summary>Turns an imported all-day event into DeclareHoliday commands, one per date, through the same decision as the API.</summary>
public static class IcsImport
{
    public static async Task<IReadOnlyList<IcsResult>> DeclareAsync(ICommandExecutor service, HolidayIcs.ImportedEvent e, CommandContext ctx, CancellationToken ct)
    {
        if (e.Invalid is { } code)
        {
            return [new IcsResult(e.Number, Safe(e.Uid), null, "Invalid", code, code == "NotAllDay" ? "only all-day events are holidays" : $"an event spans 1 to {HolidayIcs.MaxDaysPerEvent} days")];
        }
        string name;
        try
        {
            name = e.Name is null
                ? throw new InvalidInputException(InvalidCodes.MissingField, "name", "the event has no SUMMARY to name the holiday")
                : InputRules.Text(e.Name, "name", InputRules.MaxNameLength);
        }
        catch (InvalidInputException x)
        {
            return [new IcsResult(e.Number, Safe(e.Uid), null, "Invalid", x.Code, x.Message)];
        }
        var results = new List<IcsResult>();
        foreach (var date in e.Dates)
        {
            var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (date < InputRules.Earliest || date > InputRules.Latest)
            {
                results.Add(new IcsResult(e.Number, Safe(e.Uid), day, "Invalid", InvalidCodes.OutOfRange, $"dates run from {InputRules.Earliest} to {InputRules.Latest}"));
                continue;
            }
            var decision = await service.ExecuteAsync(new DeclareHoliday(date, name, e.Uid is null ? "iCalendar import" : $"iCalendar import ({Safe(e.Uid)})"), ctx, ct);
            results.Add(new IcsResult(e.Number, Safe(e.Uid), day, decision.IsAccepted ? "Accepted" : "Rejected", decision.Reason));
        }
        return results;
    }

    private static string? Safe(string? uid)
    {
        if (uid is null)
        {
            return null;
        }
        try
        {
            return InputRules.Text(uid, "uid", InputRules.MaxNameLength);
        }
        catch (InvalidInputException)
        {
            return InputRules.Echo(uid);
        }
    }
}
