using Newtonsoft.Json;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// <see cref="Instant"/> (and <c>Instant?</c>) as NodaTime's own converter writes and reads it, extended ISO in UTC,
/// with the common shape, whole seconds between the years 1 and 9999 (<c>2026-03-02T09:00:00Z</c>), written and read
/// directly. NodaTime's pattern engine allocated a cursor, buckets and a result for every instant it read, and a
/// builder for every one it wrote: the largest share of what reading a large account's month allocated. Anything
/// else (fractions of a second, other years, nulls, malformed text) goes to NodaTime's converter, so its output and
/// its errors are the same as before.
/// </summary>
public sealed class IsoInstantConverter : JsonConverter
{
    private const int Length = 20; // uuuu-MM-ddTHH:mm:ssZ

    private static readonly JsonConverter Noda = NodaConverters.InstantConverter;

    public override bool CanConvert(Type objectType) => objectType == typeof(Instant) || objectType == typeof(Instant?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is Instant instant && TryFormat(instant, out var text))
        {
            writer.WriteValue(text);
            return;
        }
        Noda.WriteJson(writer, value, serializer);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        reader.TokenType == JsonToken.String && reader.Value is string text && TryParse(text, out var instant)
            ? instant
            : Noda.ReadJson(reader, objectType, existingValue, serializer);

    /// <summary>The text NodaTime's <c>InstantPattern.ExtendedIso</c> gives, for an instant of the common shape.</summary>
    public static bool TryFormat(Instant instant, out string text)
    {
        text = "";
        if (instant < Earliest || instant > Latest)
        {
            return false;
        }
        var t = instant.InUtc().LocalDateTime;
        if (t.NanosecondOfSecond != 0)
        {
            return false;
        }
        text = string.Create(Length, t, static (span, t) =>
        {
            Digits(span[..4], t.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), t.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), t.Day);
            span[10] = 'T';
            Digits(span.Slice(11, 2), t.Hour);
            span[13] = ':';
            Digits(span.Slice(14, 2), t.Minute);
            span[16] = ':';
            Digits(span.Slice(17, 2), t.Second);
            span[19] = 'Z';
        });
        return true;
    }

    /// <summary>
    /// Reads exactly <c>uuuu-MM-ddTHH:mm:ssZ</c> with every field in range; false for anything else, which NodaTime's
    /// pattern then reads (or refuses) as it always did.
    /// </summary>
    public static bool TryParse(string text, out Instant instant)
    {
        instant = default;
        if (text.Length != Length || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }
        var s = text.AsSpan();
        if (!Number(s[..4], out var year) || !Number(s.Slice(5, 2), out var month) || !Number(s.Slice(8, 2), out var day)
            || !Number(s.Slice(11, 2), out var hour) || !Number(s.Slice(14, 2), out var minute) || !Number(s.Slice(17, 2), out var second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        instant = Instant.FromUtc(year, month, day, hour, minute, second);
        return true;
    }

    private static readonly Instant Earliest = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 23, 59, 59);

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>ASCII digits only: <c>char.IsAsciiDigit</c>, not <c>int.Parse</c>, which takes signs, spaces and other scripts' digits.</summary>
    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
