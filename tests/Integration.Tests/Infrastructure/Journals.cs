using System.Globalization;
using Newtonsoft.Json;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>Journals made for a test: exactly the facts it needs, nothing from the samples.</summary>
public static class Journals
{
    public static string Contact(string account) => $"ops@{account}.example";

    /// <summary>
    /// Per account: registration (Standard, 3,000.00 USD, agreement for 2026), one contact, and outages on 16, 17, 18,
    /// 19 March 2026 (10:00-22:00 UTC each, so none overlaps), resolved and closed; the fourth root-caused
    /// ScheduledMaintenance, the others PlatformDefect. Trouble tickets are TT-{account}-{k}.
    /// </summary>
    public static string ClosedOutages(IEnumerable<string> accounts, int perAccount = 4)
    {
        var lines = new List<object>();
        foreach (var account in accounts)
        {
            lines.Add(new { at = "2026-01-01T12:00:00Z", type = "RegisterAccount", accountId = account, plan = "Standard", monthlyRate = 3000.00m,
                currency = "USD", maintenanceFrom = "2026-01-01", maintenanceTo = "2026-12-31" });
            lines.Add(new { at = "2026-01-01T12:00:00Z", type = "AuthorizeContact", accountId = account, contactId = Contact(account) });
            for (var k = 0; k < perAccount; k++)
            {
                var day = 16 + k % 4;
                string At(int hour) => string.Create(CultureInfo.InvariantCulture, $"2026-03-{day:00}T{hour:00}:{k / 4:00}:00Z");
                var ticket = $"T-{account}-{k}";
                var trouble = $"TT-{account}-{k}";
                lines.Add(new { at = At(9), type = "OpenTicket", ticketId = ticket, accountId = account, contactId = Contact(account), channel = "Web",
                    priority = "P1", category = "Incident", releaseStage = "GA" });
                lines.Add(new { at = At(10), type = "OpenTroubleTicket", troubleTicketId = trouble, replacesTicketId = ticket, kind = "Outage" });
                lines.Add(new { at = At(21), type = "ResolveTroubleTicket", troubleTicketId = trouble,
                    rootCause = k % 4 == 3 ? "ScheduledMaintenance" : "PlatformDefect" });
                lines.Add(new { at = At(22), type = "CloseTroubleTicket", troubleTicketId = trouble });
            }
        }
        return string.Join('\n', lines.Select(l => JsonConvert.SerializeObject(l)));
    }
}
