using MailKit.Net.Smtp;
using MimeKit;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>Sends one message over SMTP with MailKit; a failure is the caller's to retry.</summary>
public class NoticeMailer(SmtpSettings settings)
{
    public SmtpSettings Settings => settings;

    public virtual async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("no SMTP host configured"), settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
