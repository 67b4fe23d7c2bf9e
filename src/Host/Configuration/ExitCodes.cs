namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>sysexits.h codes, so scripts can tell bad input from a missing file or database.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 64;
    public const int DataError = 65;
    public const int NoInput = 66;
    public const int Unavailable = 69;
    public const int Config = 78;
}

/// <summary>Configuration the host or a verb cannot run with: reported in one line with its exit code, never as a stack trace.</summary>
public sealed class ConfigurationException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>An error the CLI reports in one line, with its exit code, and never as a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
