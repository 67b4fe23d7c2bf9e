using System.Globalization;
using System.Text;
using NodaTime;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>
/// What any input must be before it becomes a command or a query (docs/validation.md): ids, free text, money and
/// time each have bounds, so a hostile value is refused with a specific code and its field, never reaches the
/// database, and never overflows arithmetic downstream.
/// </summary>
public static class InputRules
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 4_000;
    public const int MaxNameLength = 200;
    public const decimal MaxMoney = 1_000_000_000m;

    /// <summary>Instants, dates and months are accepted within these local dates (R1).</summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    public static readonly LocalDate Latest = new(2100, 12, 31);

    /// <summary>
    /// Ids: 1 to 128 characters, none of them control, format (zero-width, bidi overrides, BOM), line or paragraph
    /// separators, lone surrogates or the replacement character, and no surrounding white space, so no invisible
    /// character tells two ids apart. (Look-alike letters of other scripts stay distinct ids.)
    /// </summary>
    /// <param name="pathSafe">Whether the id may travel in a URL path (every id does; words the policy compares do not).</param>
    public static string Id(string value, string field, bool pathSafe = true)
    {
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must not be empty");
        }
        if (value.Length > MaxIdLength)
        {
            throw new InvalidInputException(InvalidCodes.TooLong, field, $"{field} must be at most {MaxIdLength} characters, not {value.Length}");
        }
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must not start or end with white space");
        }
        if (pathSafe && value is "." or "..")
        {
            // A URL path resolves these segments away: such an id could be recorded but never asked for over HTTP.
            throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must not be '.' or '..'");
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var category = char.GetUnicodeCategory(c);
            // Ids travel in URL paths: '/', '\\', '?' and '#' would make them unreachable there.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c == '\uFFFD' || (pathSafe && c is '/' or '\\' or '?' or '#') || LoneSurrogateAt(value, i))
            {
                throw BadCharacter(field, value, i);
            }
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
        return value;
    }

    /// <summary>Free text: bounded; no control characters but tab and newline, no bidi overrides, no lone surrogates.</summary>
    public static string Text(string value, string field, int maxLength = MaxTextLength)
    {
        if (value.Length > maxLength)
        {
            throw new InvalidInputException(InvalidCodes.TooLong, field, $"{field} must be at most {maxLength} characters, not {value.Length}");
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
                || LoneSurrogateAt(value, i))
            {
                throw BadCharacter(field, value, i);
            }
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
        return value;
    }

    /// <summary>
    /// A name shown on one line (a holiday's): free text's rules, no line breaks or tabs, no invisible format characters
    /// (zero-width spaces, joiners, BOM), and something visible.
    /// </summary>
    public static string Name(string value, string field)
    {
        Text(value, field, MaxNameLength);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) || char.GetUnicodeCategory(value[i]) is System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                throw BadCharacter(field, value, i);
            }
        }
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must not be blank")
            : value;
    }

    /// <summary>Money (R5): greater than 0, below 10^9, at most two decimal places.</summary>
    public static decimal Money(decimal value, string field)
    {
        if (value <= 0m)
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must be greater than 0 (R5)");
        }
        if (value >= MaxMoney)
        {
            throw new InvalidInputException(InvalidCodes.OutOfRange, field, $"{field} must be below 1000000000");
        }
        if (decimal.Round(value, 2) != value)
        {
            throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must have at most two decimal places");
        }
        // Money keeps at least cents in its scale (2200 and 2200.0 both read as 2200.00), so every figure prints alike.
        return decimal.Round(value, 2) + 0.00m;
    }

    /// <summary>
    /// A whole number written with ASCII digits only. .NET's own parsing, even with <c>NumberStyles.None</c>, ignores
    /// trailing NUL characters ("2026\0" reads as 2026), which an attacking trial found in a query string.
    /// </summary>
    public static bool TryWhole(string text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)
            && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A calendar year as text, within the dates the engine accepts.</summary>
    public static int Year(string text, string field) =>
        TryWhole(text, out var year)
            && year >= Earliest.Year && year <= Latest.Year
            ? (int)year
            : throw new InvalidInputException(InvalidCodes.InvalidValue, field, $"{field} must be a year from {Earliest.Year} to {Latest.Year}");

    public static LocalDate Date(LocalDate value, string field) =>
        value >= Earliest && value <= Latest ? value : throw OutOfRange(field);

    public static YearMonth Month(YearMonth value, string field) =>
        value.OnDayOfMonth(1) >= Earliest && value.OnDayOfMonth(1) <= Latest ? value : throw OutOfRange(field);

    public static InvalidInputException OutOfRange(string field) =>
        new(InvalidCodes.OutOfRange, field, $"{field} must be within {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}");

    /// <summary>A user's text quoted in a message: short, and with control characters shown as escapes.</summary>
    public static string Echo(string text)
    {
        var shown = text.Length > 40 ? text[..40] + "..." : text;
        var b = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            b.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c)
                ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return b.ToString();
    }

    private static bool LoneSurrogateAt(string s, int i) =>
        (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
        || (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1])));

    private static InvalidInputException BadCharacter(string field, string value, int index) =>
        new(InvalidCodes.InvalidCharacter, field, $"{field} has a forbidden character U+{(int)value[index]:X4} at position {index + 1}");
}
