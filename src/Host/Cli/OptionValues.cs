using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>Option values as the verbs read them: a missing required option or a malformed value is a usage error.</summary>
public static class OptionValues
{
    public static string Required(string? value, string option) =>
        value ?? throw new CliException(ExitCodes.Usage, $"--{option} is required");

    /// <summary>An instant, read as the journal reads instants (R1: an offset is required).</summary>
    public static NodaTime.Instant? Instant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return CommandReader.ParseInstant(text, option);
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
    }

    public static NodaTime.YearMonth Month(string text)
    {
        try
        {
            return CommandReader.ParseMonth(text, "month");
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
    }
}
