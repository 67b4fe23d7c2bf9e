namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>interfaces.md: why a line itself is bad (status Invalid), as opposed to a domain rejection.</summary>
public static class InvalidCodes
{
    public const string MalformedLine = nameof(MalformedLine);
    public const string UnknownCommand = nameof(UnknownCommand);
    public const string MissingField = nameof(MissingField);
    public const string InvalidValue = nameof(InvalidValue);
    public const string InvalidInstant = nameof(InvalidInstant);
}

/// <summary>A line or request body that cannot become a command: the code, the field at fault, and a readable message.</summary>
public sealed class InvalidInputException(string code, string? field, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
