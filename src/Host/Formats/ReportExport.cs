using System.Globalization;
using CsvHelper;
using Marten;
using Newtonsoft.Json;
using NodaTime;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Reports;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Formats;

/// <summary>Writes a report as CSV (RFC 4180, invariant culture) or a JSON array, row by row as it streams.</summary>
public static class ReportExport
{
    public static async Task WriteAsync(IQuerySession session, string name, YearMonth from, YearMonth to, string format,
        TextWriter output, CancellationToken ct)
    {
        var reports = new ReportService(session, await CalendarReader.LoadAsync(session, ct));
        switch (name)
        {
            case ReportNames.Availability: await WriteRows(reports.AvailabilityAsync(from, to, ct), format, output, ct); break;
            case ReportNames.Credits: await WriteRows(reports.CreditsAsync(from, to, ct), format, output, ct); break;
            case ReportNames.Mttr: await WriteRows(reports.MttrAsync(from, to, ct), format, output, ct); break;
            case ReportNames.CreditRequests: await WriteRows(reports.CreditRequestsAsync(from, to, ct), format, output, ct); break;
            default: throw new ArgumentException($"unknown report '{name}'; reports: {string.Join(", ", ReportNames.All)}");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        // A text cell starting like a formula is quoted, so a spreadsheet opening the export never runs an id as one.
        string text when text.Length > 0 && "=+-@\t\r".Contains(text[0]) => "'" + text,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        // A cell holds one value; a list (a row's invoice months) is joined with spaces, which its items never contain.
        IEnumerable<string> items => string.Join(" ", items),
        _ => value.ToString() ?? "",
    };

    private static async Task WriteRows<T>(IAsyncEnumerable<T> rows, string format, TextWriter output, CancellationToken ct)
    {
        if (format == "csv")
        {
            // Columns are the row's properties, named as in the JSON export; values in the invariant culture.
            var properties = typeof(T).GetProperties();
            await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
            await csv.WriteRecordAsync(properties.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToArray(), ct);
            await foreach (var row in rows.WithCancellation(ct))
            {
                await csv.WriteRecordAsync(properties.Select(p => Cell(p.GetValue(row))).ToArray(), ct);
            }
            await csv.FlushAsync(ct);
            return;
        }
        // Each row is serialized on its own and written asynchronously: a writer that flushes synchronously would be
        // refused by the HTTP server mid-body, cutting the response off.
        var settings = JsonSettings.Create(indented: true);
        await output.WriteAsync("[");
        var first = true;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await output.WriteAsync(first ? "\n" : ",\n");
            await output.WriteAsync(JsonConvert.SerializeObject(row, settings));
            first = false;
        }
        await output.WriteLineAsync(first ? "]" : "\n]");
    }
}
