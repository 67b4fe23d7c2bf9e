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
        message.To.Add(RecipientOf(notice.ContactId));
        message.Subject = $"[Spiisee incident {notice.IncidentId}] {notice.Kind}: {notice.Title}";
        var lines = new (string Label, string Value)[]
        {
            ("Incident", notice.IncidentId),
            ("Title", notice.Title),
            ("Impact", notice.Impact),
            ("Started", Time(notice.StartedAt)),
            ("Status", notice.IncidentStatus),
            ("Notice", $"{notice.Kind}, {Time(notice.NoticeAt)}"),
            ("Account", notice.AccountId),
        };
        var text = string.Join("\n", lines.Select(l => $"{l.Label}: {l.Value}")) +
            "\n\nYou receive this as an authorized support contact of the account; each update and the resolution will follow by email.\n";
        var html = "<html><body><h2>" + Html(message.Subject) + "</h2><table>" +
            string.Concat(lines.Select(l => $"<tr><th align=\"left\">{Html(l.Label)}</th><td>{Html(l.Value)}</td></tr>")) +
            "</table><p>You receive this as an authorized support contact of the account.</p></body></html>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        message.Date = notice.NoticeAt.ToDateTimeOffset();
        return message;
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>
    /// The contact's own address, or <see cref="FormatException"/>: a plain local@domain.tld, nothing MimeKit would
    /// also accept (a display name pointing elsewhere, a domain-less local part, an address literal, a list).
    /// </summary>
    public static MailboxAddress RecipientOf(string contactId) =>
        MailboxAddress.TryParse(contactId, out var mailbox) && mailbox.Address == contactId && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0 && contactId.IndexOf('@') is > 0 and var at && at == contactId.LastIndexOf('@')
            && contactId[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('[') && !domain.EndsWith('.')
            ? mailbox
            : throw new FormatException($"contact '{contactId}' is not an email address");
}
