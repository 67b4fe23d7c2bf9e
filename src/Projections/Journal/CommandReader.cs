using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// Turns a JSON object with the journal's camelCase fields into a command. The journal importer and the HTTP API
/// both use it, so a bad field gets the same code and message whichever way it came in.
/// </summary>
public static class CommandReader
{
    /// <summary>The command a body of the given journal type makes, validated (docs/validation.md).</summary>
    public static ICommand Read(string type, JObject o)
    {
        var registration = CommandRegistry.Find(type) ?? throw new InvalidInputException(InvalidCodes.UnknownCommand, "type",
            $"unknown command type '{InputRules.Echo(type)}'; expected one of {string.Join(", ", CommandRegistry.Names)}");
        var command = registration.Read(o);
        var error = command.Validate().FirstOrDefault();
        if (error is not null)
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, error.Field, $"{error.Field} {error.Message}");
        }
        return command;
    }

    /// <summary>R1: an instant must carry an offset (or Z); a local time is never guessed. Within 2000-2100.</summary>
    public static Instant ParseInstant(string text, string field)
    {
        // NodaTime's parser stops at a NUL, so "2026-06-30T00:00Z\0junk" would pass: characters are checked first.
        InputRules.Text(text, field, 64);
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            InputRules.Date(result.Value.Date, field);
            return result.Value.ToInstant();
        }
        var local = LocalDateTimePattern.ExtendedIso.Parse(text);
        throw new InvalidInputException(InvalidCodes.InvalidInstant, field, local.Success
            ? $"{field} '{InputRules.Echo(text)}' has no UTC offset; write it as e.g. 2026-03-02T14:05:00-05:00 or ...Z (R1)"
            : $"{field} '{InputRules.Echo(text)}' is not an ISO-8601 instant with an offset, e.g. 2026-03-02T14:05:00-05:00");
    }

    public static Instant Instant(JObject o, string field) => ParseInstant(String(o, field), field);

    public static YearMonth ParseMonth(string text, string field)
    {
        if (text.Length == 0)
        {
            throw new InvalidInputException(InvalidCodes.MissingField, field, $"{field} is required, as YYYY-MM");
        }
        InputRules.Text(text, field, 64);
        var result = YearMonthPattern.Iso.Parse(text);
        return result.Success ? InputRules.Month(result.Value, field) : throw Invalid(field, $"{field} '{InputRules.Echo(text)}' is not a month as YYYY-MM");
    }

    private static JToken Required(JObject o, string field)
    {
        var token = o[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            throw new InvalidInputException(InvalidCodes.MissingField, field, $"{field} is required");
        }
        return token;
    }

    /// <summary>A required string, checked as free text (no control characters, bounded).</summary>
    public static string String(JObject o, string field, int maxLength = InputRules.MaxTextLength)
    {
        var token = Required(o, field);
        if (token.Type != JTokenType.String)
        {
            throw Invalid(field, $"{field} must be a string, not {token.Type.ToString().ToLowerInvariant()}");
        }
        return InputRules.Text((string)token!, field, maxLength);
    }

    /// <summary>The command's type, read with an id's rules so a long or invisible one is refused before it is echoed.</summary>
    public static string Type(JObject o) => Token(o, "type");

    // Bounded at an id's length from the start, so a long one is refused with the id's limit, not free text's.
    public static string Id(JObject o, string field) => InputRules.Id(String(o, field, InputRules.MaxIdLength), field);

    /// <summary>A word the policy compares (channel, category, release stage, language, currency): an id's rules.</summary>
    public static string Token(JObject o, string field) => InputRules.Id(String(o, field, InputRules.MaxIdLength), field, pathSafe: false);

    public static bool Absent(JObject o, string field) => o[field] is null or { Type: JTokenType.Null };

    public static string? OptionalId(JObject o, string field) => Absent(o, field) ? null : Id(o, field);

    public static string? OptionalToken(JObject o, string field) => Absent(o, field) ? null : Token(o, field);

    /// <summary>A required name (a holiday's): text of at most a name's length, not blank.</summary>
    public static string Name(JObject o, string field) => InputRules.Name(String(o, field, InputRules.MaxNameLength), field);

    /// <summary>Required text that says something: not empty or white space.</summary>
    public static string NonBlank(JObject o, string field) =>
        String(o, field) is var text && !string.IsNullOrWhiteSpace(text) ? text : throw Invalid(field, $"{field} must not be blank");

    public static string? OptionalName(JObject o, string field) => OptionalText(o, field, InputRules.MaxNameLength);

    public static string? OptionalText(JObject o, string field, int maxLength = InputRules.MaxTextLength) =>
        Absent(o, field) ? null : String(o, field, maxLength);

    /// <summary>An optional list of distinct ids (an incident's accounts), at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<string>? OptionalIds(JObject o, string field, int max)
    {
        if (o[field] is null)
        {
            return null;
        }
        // An explicit null is refused rather than read as "absent": for an incident, absent means every account.
        if (o[field] is not JArray array)
        {
            throw Invalid(field, $"{field} must be a list of ids");
        }
        if (array.Count > max)
        {
            throw new InvalidInputException(InvalidCodes.TooLong, field, $"{field} may list at most {max} ids, not {array.Count}");
        }
        var ids = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            ids.Add(item.Type == JTokenType.String
                ? InputRules.Id((string)item!, $"{field}[{i}]")
                : throw Invalid($"{field}[{i}]", $"{field}[{i}] must be a string"));
        }
        return ids;
    }

    public static bool? OptionalBool(JObject o, string field)
    {
        var token = o[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }
        return token.Type == JTokenType.Boolean ? (bool)token : throw Invalid(field, $"{field} must be true or false");
    }

    /// <summary>Money is a JSON number (docs/interfaces.md), read as an exact decimal within R5's bounds.</summary>
    public static decimal Money(JObject o, string field)
    {
        var token = Required(o, field);
        if (token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            throw Invalid(field, $"{field} must be a number");
        }
        decimal value;
        try
        {
            value = token is JValue { Value: System.Numerics.BigInteger } ? throw new OverflowException() : token.Value<decimal>();
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException)
        {
            throw new InvalidInputException(InvalidCodes.OutOfRange, field, $"{field} must be below 1000000000");
        }
        return InputRules.Money(value, field);
    }

    public static LocalDate Date(JObject o, string field)
    {
        var text = String(o, field);
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? InputRules.Date(result.Value, field) : throw Invalid(field, $"{field} '{InputRules.Echo(text)}' is not a date as YYYY-MM-DD");
    }

    public static YearMonth Month(JObject o, string field) => ParseMonth(String(o, field), field);

    public static T Enum<T>(JObject o, string field) where T : struct, Enum
    {
        var text = String(o, field);
        // Names only: "1" or "p1" are not accepted as a priority.
        if (System.Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            return System.Enum.Parse<T>(text);
        }
        throw Invalid(field, $"{field} '{InputRules.Echo(text)}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    public static T? OptionalEnum<T>(JObject o, string field) where T : struct, Enum =>
        o[field] is null or { Type: JTokenType.Null } ? null : Enum<T>(o, field);

    private static InvalidInputException Invalid(string field, string message) => new(InvalidCodes.InvalidValue, field, message);
}
