using System.Text;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class JournalEndpoint
{
    public const long MaxJournalBytes = 256L * 1024 * 1024;

    /// <summary>
    /// A back-office import: the body streams through the same importer as the CLI (bounded memory, batched
    /// transactions) and each line's result streams back as it is committed.
    /// </summary>
    [WolverinePost("/journal"), Tags("Journal"), EndpointSummary("Import a journal (application/x-ndjson), answered line by line")]
    public static async Task<IResult> Import(HttpContext http, IDocumentStore store, HolidayCalendar calendar)
    {
        var caller = http.Caller();
        if (caller.Role != Role.BackOffice)
        {
            return Problems.Forbidden("Only back-office keys may import journals.");
        }
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "POST /journal takes application/x-ndjson.");
        }
        if (http.Request.ContentLength > MaxJournalBytes)
        {
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A journal may be at most {MaxJournalBytes} bytes.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxJournalBytes;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/x-ndjson";
        var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false)) { AutoFlush = false };
        await using (writer)
        {
            var importer = new JournalImporter(store, calendar, caller.Actor);
            var summary = await importer.ImportAsync(http.Request.Body, async r => await writer.WriteLineAsync(ResultLines.Format(r)), null, http.RequestAborted);
            await writer.FlushAsync(http.RequestAborted);
            _ = summary;
        }
        return Results.Empty;
    }
}
