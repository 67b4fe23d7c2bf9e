namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>docs/interfaces.md: why a line itself is bad (status Invalid), as opposed to a domain rejection.</summary>
public static class InvalidCodes
{
    public const string MalformedLine = nameof(MalformedLine);
    public const string UnknownCommand = nameof(UnknownCommand);
    public const string MissingField = nameof(MissingField);
    public const string InvalidValue = nameof(InvalidValue);
    public const string InvalidInstant = nameof(InvalidInstant);

    /// <summary>A line over <see cref="JournalLineReader.MaxLineBytes"/>.</summary>
    public const string LineTooLong = nameof(LineTooLong);

    /// <summary>A line that is not valid UTF-8.</summary>
    public const string InvalidEncoding = nameof(InvalidEncoding);

    /// <summary>A number, instant, date or month outside the accepted range (docs/validation.md).</summary>
    public const string OutOfRange = nameof(OutOfRange);

    /// <summary>A text longer than its field allows.</summary>
    public const string TooLong = nameof(TooLong);

    /// <summary>A control, format (zero-width, bidi, BOM) or lone surrogate character where none is allowed.</summary>
    public const string InvalidCharacter = nameof(InvalidCharacter);

    /// <summary>A line the database refused though it passed validation; found by splitting its batch.</summary>
    public const string StorageRefused = nameof(StorageRefused);

    /// <summary>A line that failed while it was applied for a reason of its own; found by splitting its batch.</summary>
    public const string Unprocessable = nameof(Unprocessable);

    /// <summary>A line whose id an earlier, different line already used.</summary>
    public const string IdReused = nameof(IdReused);

    /// <summary>A JSON object naming the same field twice (a line or a body): refused rather than resolved to either value.</summary>
    public const string DuplicateField = nameof(DuplicateField);
}

/// <summary>A line or request body that cannot become a command: the code, the field at fault, and a readable message.</summary>
public sealed class InvalidInputException(string code, string? field, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
