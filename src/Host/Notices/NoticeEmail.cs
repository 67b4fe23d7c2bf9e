using System.Globalization;
using MimeKit;
using NodaTime;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Projections.Notices;

namespace Spiisee.EventSourced.Host.Notices;

/// <summary>R15's email: plain text and HTML, times in Eastern Time, the incident's id, title, impact and status.</summary>
public static class NoticeEmail
{
    private static readonly ZonedDateTimePattern Eastern =
        ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM uuuu HH:mm x", DateTimeZoneProviders.Tzdb);

    public static string Time(Instant instant) => Eastern.Format(instant.InZone(PolicyTime.Zone)) + " (Eastern Time)";

    public static MimeMessage Build(NoticeDelivery notice, string from)
    {
        var message = new MimeMessage { MessageId = notice.MessageId };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(notice.ContactId));
        message.Subject = $"[Spiisee incident {notice.IncidentId}] {notice.Kind}: {notice.Title}";
        var lines = new (string Label, string Value)[]
        {
            ("Incident", notice.IncidentId),
            ("Title", notice.Title),
            ("Impact", notice.Impact),
            ("Status", notice.IncidentStatus),
            ("Notice", $"{notice.Kind}, {Time(notice.NoticeAt)}"),
            ("Account", notice.AccountId),
        };
        var text = string.Join("\n", lines.Select(l => $"{l.Label}: {l.Value}")) +
            "\n\nYou receive this as an authorized support contact of the account. Follow the incident at GET /incidents/" + notice.IncidentId + ".\n";
        var html = "<html><body><h2>" + Html(message.Subject) + "</h2><table>" +
            string.Concat(lines.Select(l => $"<tr><th align=\"left\">{Html(l.Label)}</th><td>{Html(l.Value)}</td></tr>")) +
            "</table><p>You receive this as an authorized support contact of the account.</p></body></html>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        message.Date = notice.NoticeAt.ToDateTimeOffset();
        return message;
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
