using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>One non-blank journal line, parsed: its command, instant, and the key that makes re-import a no-op.</summary>
public sealed record JournalLine(int Number, string Type, string IdempotencyKey, Instant At, ICommand Command)
{
    /// <summary>
    /// Parses a line, or throws <see cref="InvalidInputException"/> with the interfaces.md code, the field, and for
    /// malformed JSON the position in the line.
    /// </summary>
    public static JournalLine Parse(string text, int number)
    {
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new InvalidInputException(InvalidCodes.MalformedLine, null, $"unexpected content after the JSON object at position {reader.LinePosition}");
            }
            o = token as JObject ?? throw new InvalidInputException(InvalidCodes.MalformedLine, null, $"a line must be a JSON object, not {token.Type.ToString().ToLowerInvariant()}");
        }
        catch (JsonReaderException e)
        {
            throw new InvalidInputException(InvalidCodes.MalformedLine, null, $"not valid JSON at position {e.LinePosition}: {e.Message}");
        }

        var type = CommandReader.String(o, "type");
        var at = CommandReader.Instant(o, "at");
        var id = o["id"] is { Type: JTokenType.String } idToken ? (string)idToken! : null;
        if (o["id"] is { } badId && badId.Type is not (JTokenType.String or JTokenType.Null))
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, "id", "id must be a string");
        }
        var command = CommandReader.Read(type, o);
        return new JournalLine(number, type, KeyFor(id, text), at, command);
    }

    /// <summary>Idempotency: by the line's id when it has one, else by its content.</summary>
    public static string KeyFor(string? id, string text) => !string.IsNullOrEmpty(id)
        ? "id:" + id
        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())));
}
