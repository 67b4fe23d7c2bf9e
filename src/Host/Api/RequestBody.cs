using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Api;

/// <summary>Reads a command body: bounded in size, JSON object only, numbers as exact decimals.</summary>
public static class RequestBody
{
    public const int MaxCommandBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(JObject? Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // A POST with no body at all is an empty command (a withdrawal with no reason): its required fields, if any,
        // are then named as missing, rather than the media type of a body that was never sent.
        if (request.ContentType is null && (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())))
        {
            return (new JObject(), null);
        }
        // ASP.NET Core's own test: application/json or any +json type, with or without a charset.
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "A command body is a JSON object sent as application/json."));
        }
        if (request.ContentLength > MaxCommandBytes)
        {
            return (null, TooLarge());
        }
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxCommandBytes)
            {
                return (null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Problems.BadInput(InvalidCodes.MalformedLine, null, "the request needs a JSON object body"));
        }
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length), StrictUtf8))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = await JToken.ReadFromAsync(reader, JournalLine.NoDuplicates, ct);
            if (await reader.ReadAsync(ct))
            {
                return (null, Problems.BadInput(InvalidCodes.MalformedLine, null, $"unexpected content after the JSON object at position {reader.LinePosition}"));
            }
            return token is JObject o
                ? (o, null)
                : (null, Problems.BadInput(InvalidCodes.MalformedLine, null, $"the body must be a JSON object, not {token.Type.ToString().ToLowerInvariant()}"));
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.BadInput(InvalidCodes.InvalidEncoding, null, "the body is not valid UTF-8"));
        }
        catch (JsonReaderException e)
        {
            var failure = JournalLine.ReaderFailure(e);
            return (null, failure.Code == InvalidCodes.MalformedLine
                ? Problems.BadInput(InvalidCodes.MalformedLine, null, $"the body is not valid JSON at line {e.LineNumber}, position {e.LinePosition}: {e.Message}")
                : Problems.BadInput(failure.Code, failure.Field, failure.Message));
        }
    }

    private static IResult TooLarge() => Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"A command body may be at most {MaxCommandBytes} bytes.");
}
