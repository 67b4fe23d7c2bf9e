using System.Globalization;
using JasperFx.CommandLine;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class CalendarInput
{
    [Description("import, to read an iCalendar file")]
    public string Action { get; set; } = "";

    [Description("the .ics file to import")]
    public string File { get; set; } = "";

    [Description("the year to list, 2000 to 2100 (default: this year)"), FlagAlias("year", true)]
    public string? YearFlag { get; set; }

    [Description("list every recorded change instead"), FlagAlias("history", true)]
    public bool HistoryFlag { get; set; }
}

/// <summary>
/// `calendar [--year YYYY] [--history]`: the holidays in force with their origin, or the recorded changes (R14).
/// `calendar import &lt;file.ics&gt;`: each all-day event's dates become DeclareHoliday commands, answered one JSON line
/// per date like a journal import.
/// </summary>
[Description("The holiday calendar as recorded (R14); `calendar import <file.ics>` declares an iCalendar file's holidays")]
public sealed class CalendarCommand : VerbCommand<CalendarInput>
{
    public CalendarCommand()
    {
        Usage("The holidays in force in --year, or with --history every recorded change").NoArguments();
        Usage("Declare the all-day events of an iCalendar file as holidays").Arguments(x => x.Action, x => x.File);
    }

    protected override bool ReadsOnly(CalendarInput input) => input.Action.Length == 0;

    public override IEnumerable<Type> JsonTypes => [typeof(CalendarRecord)];

    protected override async Task<int> RunAsync(CalendarInput input, VerbContext context)
    {
        if (input.Action.Length > 0 && (input.YearFlag is not null || input.HistoryFlag))
        {
            throw new CliException(ExitCodes.Usage, "calendar import takes a file only; --year and --history list the calendar");
        }
        if (input.YearFlag is not null && input.HistoryFlag)
        {
            throw new CliException(ExitCodes.Usage, "give --year or --history, not both");
        }
        if (input.Action.Length > 0)
        {
            return input.Action == "import"
                ? await ImportAsync(input.File, context)
                : throw new CliException(ExitCodes.Usage, $"unknown calendar action '{input.Action}'; known: import");
        }
        await using var session = context.Store.QuerySession();
        var history = await CalendarReader.LoadAsync(session, context.Ct);
        if (input.HistoryFlag)
        {
            await context.Stdout.WriteLineAsync(Output.Json(CalendarHistoryView.Of(history)));
            return ExitCodes.Ok;
        }
        var year = SystemClock.Instance.GetCurrentInstant().InZone(Domain.Time.PolicyTime.Zone).Year;
        if (input.YearFlag is { } y)
        {
            try
            {
                year = InputRules.Year(y, "--year");
            }
            catch (InvalidInputException e)
            {
                throw new CliException(ExitCodes.Usage, e.Message);
            }
        }
        await context.Stdout.WriteLineAsync(Output.Json(CalendarYearView.Of(year, history)));
        return ExitCodes.Ok;
    }

    private static async Task<int> ImportAsync(string path, VerbContext context)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw new CliException(ExitCodes.NoInput, $"'{path}' is a directory, not an iCalendar file");
            }
            if (info.Exists && info.Length > MaxIcsBytes)
            {
                throw new CliException(ExitCodes.DataError, $"'{path}' is larger than {MaxIcsBytes} bytes");
            }
            text = await System.IO.File.ReadAllTextAsync(path, context.Ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new CliException(ExitCodes.NoInput, $"iCalendar file '{path}' cannot be read: {e.Message}");
        }
        IReadOnlyList<HolidayIcs.ImportedEvent> events;
        try
        {
            events = HolidayIcs.Read(text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CliException(ExitCodes.DataError, $"'{path}' is not an iCalendar file: {e.Message}");
        }

        var (store, _, stdout, stderr, ct) = context;
        await SchemaChanges.ApplyAsync(store, ct);
        var service = new CommandService(store);
        var by = Actor.System("ics:" + Path.GetFileName(path));
        int accepted = 0, rejected = 0, invalid = 0;
        foreach (var e in events)
        {
            var results = await IcsImport.DeclareAsync(service, e, new CommandContext(SystemClock.Instance.GetCurrentInstant(), by), ct);
            foreach (var r in results)
            {
                await stdout.WriteLineAsync(Output.Line(r));
                _ = r.Status switch { "Accepted" => accepted++, "Rejected" => rejected++, _ => invalid++ };
            }
        }
        await stderr.WriteLineAsync($"calendar import: {events.Count} {(events.Count == 1 ? "event" : "events")}: {accepted} accepted, {rejected} rejected, {invalid} invalid");
        return invalid == 0 ? ExitCodes.Ok : ExitCodes.DataError;
    }

    public const int MaxIcsBytes = 4 * 1024 * 1024;
}
