using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>
/// Numbers read from configuration, checked when the host or a verb starts: a value out of range or not a number stops
/// it with exit 78 and the setting's name, instead of failing every request later (a rate-limit window of 0) or
/// stopping with a parser's message that names nothing.
/// </summary>
public static class ConfigValues
{
    public static long Number(IConfiguration configuration, string key, long fallback, long min, long max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException(ExitCodes.Config, string.Create(CultureInfo.InvariantCulture,
                $"configuration {key}: '{text}' is not a whole number from {min:N0} to {max:N0}"));
    }

    public static int Int(IConfiguration configuration, string key, int fallback, int min, int max) =>
        (int)Number(configuration, key, fallback, min, max);
}
