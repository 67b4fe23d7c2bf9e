using System.Text;
using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`import &lt;journal.jsonl&gt;`: results on stdout, progress and summary on stderr, exit 0 or 65.</summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, SpiiseeSettings settings, CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var path = args.Positional0("the journal file");
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NoInput, $"journal file '{path}' not found");
        }
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new CliException(ExitCodes.NoInput, $"journal file '{path}' cannot be read: {e.Message}");
        }

        await CliApp.EnsureSchemaAsync(store, ct);
        var importer = new JournalImporter(store, settings.Calendar, Actor.System("journal:" + Path.GetFileName(path)));
        ImportSummary summary;
        using (reader)
        {
            try
            {
                summary = await importer.ImportAsync(reader, async r => await stdout.WriteLineAsync(Output.ResultLine(r)),
                    p => stderr.WriteLine($"import: {p}"), ct);
            }
            catch (DecoderFallbackException e)
            {
                throw new CliException(ExitCodes.DataError, $"journal file '{path}' is not valid UTF-8: {e.Message}");
            }
        }
        await stdout.FlushAsync(ct);
        await stderr.WriteLineAsync($"import: {summary}");
        return summary.Invalid == 0 ? ExitCodes.Ok : ExitCodes.DataError;
    }
}
