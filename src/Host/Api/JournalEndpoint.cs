using System.Text;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Formats;
using Spiisee.EventSourced.Projections.Journal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Spiisee.EventSourced.Host.Api;

public static class JournalEndpoint
{
    public const long MaxJournalBytes = 256L * 1024 * 1024;

    /// <summary>
    /// A back-office import: the body streams through the same importer as the CLI (bounded memory, batched
    /// transactions) and each line's result streams back as it is committed.
    /// </summary>
    [RequestBody("application/x-ndjson"), Produces("application/x-ndjson")]
    [Authorize(Policy = Policies.BackOffice), WolverinePost("/journal"), Tags("Journal"), EndpointSummary("Import a journal (application/x-ndjson), answered line by line")]
    public static async Task<IResult> Import(HttpContext http, IDocumentStore store, NodaTime.IClock clock, ILogger<JournalImportLog> logger)
    {
        var caller = http.Caller();
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media)
            || !media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "POST /journal takes application/x-ndjson.");
        }
        if (http.Request.ContentLength > MaxJournalBytes)
        {
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A journal may be at most {MaxJournalBytes} bytes.");
        }
        // The limit is applied while reading (a chunked body has no length up front): the lines before it are
        // imported and answered, and the answer ends with a line saying where the body was cut.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        var body = new BoundedStream(http.Request.Body, MaxJournalBytes);

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/x-ndjson";
        var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false)) { AutoFlush = false };
        await using (writer)
        {
            var importer = new JournalImporter(store, caller.Actor, clock: clock);
            try
            {
                await importer.ImportAsync(body, async r => await writer.WriteLineAsync(ResultLines.Format(r)), null, http.RequestAborted);
                if (body.Exceeded)
                {
                    await writer.WriteLineAsync($$"""{"status": "Invalid", "reason": "BodyTooLarge", "message": "the journal was cut after {{MaxJournalBytes}} bytes; the lines above were imported"}""");
                }
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                // The answer has started: the status cannot change any more, so the failure is the last line.
                logger.LogError(e, "Journal import over HTTP failed");
                await writer.WriteLineAsync($$"""{"status": "Failed", "reason": "ImportFailed", "message": "the import stopped: the database failed; the lines answered above were imported, the rest were not"}""");
            }
            await writer.FlushAsync(http.RequestAborted);
        }
        return Results.Empty;
    }
}

/// <summary>The logger category of journal imports over HTTP.</summary>
public sealed class JournalImportLog;
