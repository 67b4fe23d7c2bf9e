using JasperFx.CommandLine;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

public sealed class ImportInput
{
    [Description("the journal file")]
    public string Journal { get; set; } = "";
}

/// <summary>`import &lt;journal.jsonl&gt;`: results on stdout, progress and summary on stderr, exit 0 or 65.</summary>
[Description("Import a journal file (one JSON command a line)")]
public sealed class ImportCommand : VerbCommand<ImportInput>
{
    public ImportCommand() =>
        Usage("Results on stdout, summary on stderr; exit 65 if a line is invalid")
            .Arguments(x => x.Journal);

    protected override async Task<int> RunAsync(ImportInput input, VerbContext context)
    {
        var path = input.Journal;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new CliException(ExitCodes.NoInput, $"journal file '{path}' not found");
        }
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.NoInput, $"'{path}' is a directory, not a journal file");
        }
        FileStream journal;
        try
        {
            journal = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new CliException(ExitCodes.NoInput, $"journal file '{path}' cannot be read: {e.Message}");
        }

        var (store, settings, stdout, stderr, ct) = context;
        await SchemaChanges.ApplyAsync(store, ct);
        foreach (var line in await CalendarSeed.ApplyAsync(store, settings.CalendarSeed, ct))
        {
            await stderr.WriteLineAsync(line);
        }
        var importer = new JournalImporter(store, Actor.System("journal:" + Path.GetFileName(path)));
        ImportSummary summary;
        await using (journal)
        {
            summary = await importer.ImportAsync(journal, async r => await stdout.WriteLineAsync(ResultLines.Format(r)),
                p => stderr.WriteLine($"import: {p}"), ct);
        }
        await stdout.FlushAsync(ct);
        await stderr.WriteLineAsync($"import: {summary}");
        return summary.Invalid == 0 ? ExitCodes.Ok : ExitCodes.DataError;
    }
}
