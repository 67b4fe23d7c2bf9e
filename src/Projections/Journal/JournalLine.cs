using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>One non-blank journal line, parsed: its command, instant, and the key that makes re-import a no-op.</summary>
public sealed record JournalLine(int Number, string Type, string IdempotencyKey, string ContentHash, Instant At, ICommand Command)
{
    /// <summary>
    /// Parses a line, or throws <see cref="InvalidInputException"/> with the docs/interfaces.md code, the field, and for
    /// malformed JSON the position in the line.
    /// </summary>
    public static JournalLine Parse(string text, int number)
    {
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader, NoDuplicates);
            if (reader.Read())
            {
                throw new InvalidInputException(InvalidCodes.MalformedLine, null, $"unexpected content after the JSON object at position {reader.LinePosition}");
            }
            o = token as JObject ?? throw new InvalidInputException(InvalidCodes.MalformedLine, null, $"a line must be a JSON object, not {token.Type.ToString().ToLowerInvariant()}");
        }
        catch (JsonReaderException e)
        {
            throw ReaderFailure(e);
        }

        var type = CommandReader.Type(o);
        var at = CommandReader.Instant(o, "at");
        if (o["id"] is { } badId && badId.Type is not (JTokenType.String or JTokenType.Null))
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, "id", "id must be a string");
        }
        var id = o["id"] is { Type: JTokenType.String } ? InputRules.Id(CommandReader.String(o, "id", InputRules.MaxIdLength), "id", pathSafe: false) : null;
        var command = CommandReader.Read(type, o);
        var hash = Hash(text);
        return new JournalLine(number, type, id is null ? "sha256:" + hash : "id:" + id, hash, at, command);
    }

    /// <summary>
    /// JSON the reader cannot hold: a number beyond a decimal's range is a value out of range in its field (the reader
    /// names the path), anything else is a malformed line.
    /// </summary>
    /// <summary>A field given twice is refused, not silently resolved to the last value.</summary>
    public static readonly JsonLoadSettings NoDuplicates = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    public static InvalidInputException ReaderFailure(JsonReaderException e) =>
        e.Message.StartsWith("Property with the name '", StringComparison.Ordinal)
            ? new InvalidInputException(InvalidCodes.DuplicateField, InputRules.Echo(e.Path ?? ""), $"{InputRules.Echo(e.Path ?? "")} is given more than once")
        : !string.IsNullOrEmpty(e.Path) && (e.Message.StartsWith("Could not convert", StringComparison.Ordinal)
            || e.Message.Contains("is not a valid decimal", StringComparison.Ordinal) || e.Message.Contains("is not a valid integer", StringComparison.Ordinal))
            ? new InvalidInputException(InvalidCodes.OutOfRange, InputRules.Echo(e.Path), $"{InputRules.Echo(e.Path)} is not a number in range")
            : new InvalidInputException(InvalidCodes.MalformedLine, null, $"not valid JSON at position {e.LinePosition}: {e.Message}");

    /// <summary>Idempotency: by the line's id when it has one, else by its content.</summary>
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())));
}
