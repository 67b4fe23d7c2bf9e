using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`import &lt;journal.jsonl&gt;`: results on stdout, progress and summary on stderr, exit 0 or 65.</summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, SpiiseeSettings settings, CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var path = args.Positional0("the journal file");
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

        await CliApp.EnsureSchemaAsync(store, ct);
        var importer = new JournalImporter(store, settings.Calendar, Actor.System("journal:" + Path.GetFileName(path)));
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
