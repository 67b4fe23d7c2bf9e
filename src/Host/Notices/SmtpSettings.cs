using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>
/// Where notices are mailed (R15): <c>Smtp:Host</c>, <c>Port</c> (25), <c>UserName</c>, <c>Password</c>, <c>From</c>,
/// <c>Security</c> (MailKit's: None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect; default
/// StartTlsWhenAvailable). Without a host, notices are recorded and stay pending.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, string? UserName, string? Password, string From, SecureSocketOptions Security)
{
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Smtp");
        var security = section["Security"] is { Length: > 0 } s
            ? Enum.TryParse<SecureSocketOptions>(s, ignoreCase: true, out var parsed)
                ? parsed
                : throw new Configuration.ConfigurationException(Configuration.ExitCodes.Config, $"Smtp:Security '{s}' is not one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}")
            : SecureSocketOptions.StartTlsWhenAvailable;
        return new SmtpSettings(section["Host"], Configuration.ConfigValues.Int(configuration, "Smtp:Port", 25, 1, 65_535), section["UserName"], section["Password"],
            section["From"] is { Length: > 0 } from ? from : "Spiisee Everest support <support@spiisee.example>", security);
    }
}
