using Marten;
using Newtonsoft.Json;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Statements;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

/// <summary>Approvals are filed per (account, month): a month's statement reads one small document however large the account.</summary>
[Collection(PostgresCollection.Name)]
public class MonthlyApprovalsTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static string Journal(params object[] lines) => string.Join('\n', lines.Select(l => JsonConvert.SerializeObject(l)));

    [Fact] // R10: an outage across a month boundary (Eastern time) counts in both months; each month's document holds it once.
    public async Task An_outage_across_a_month_end_is_filed_under_both_months()
    {
        // Given an outage from 30 March 10:00 UTC to 1 April 12:00 UTC; March ends at 1 April 04:00 UTC (EDT).
        var (_, summary) = await ImportAsync(Journal(
            new { at = "2026-01-05T12:00:00Z", type = "RegisterAccount", accountId = "span", plan = "Standard", monthlyRate = 3000.00m, currency = "USD", maintenanceFrom = "2026-01-01", maintenanceTo = "2026-12-31" },
            new { at = "2026-01-05T12:00:00Z", type = "AuthorizeContact", accountId = "span", contactId = "ops@span.example" },
            new { at = "2026-03-30T09:00:00Z", type = "OpenTicket", ticketId = "T-1", accountId = "span", contactId = "ops@span.example", channel = "Web", priority = "P1", category = "Incident", releaseStage = "GA" },
            new { at = "2026-03-30T10:00:00Z", type = "OpenTroubleTicket", troubleTicketId = "TT-1", replacesTicketId = "T-1", kind = "Outage" },
            new { at = "2026-04-01T11:00:00Z", type = "ResolveTroubleTicket", troubleTicketId = "TT-1", rootCause = "PlatformDefect" },
            new { at = "2026-04-01T12:00:00Z", type = "CloseTroubleTicket", troubleTicketId = "TT-1" },
            // When the credit is requested
            new { at = "2026-04-02T12:00:00Z", type = "RequestCredit", troubleTicketId = "TT-1", contactId = "ops@span.example" }));
        summary.Invalid.ShouldBe(0);

        // Then the approval is in March's and April's documents, and in no other
        await using var session = Store.QuerySession();
        var filed = await session.Query<MonthlyApprovals>().Where(m => m.AccountId == "span").OrderBy(m => m.Id).ToListAsync();
        filed.Select(m => m.Id).ShouldBe(["span/2026-03", "span/2026-04"]);
        filed.ShouldAllBe(m => m.Tickets.Count == 1 && m.Tickets[0].TroubleTicketId == "TT-1");

        // And each month counts its own part: 42 h in March (to 04:00 UTC on 1 April), 8 h in April.
        (await Projected.StatementAsync(Store, "span", "2026-03"))["downtimeMinutes"]!.ToObject<decimal>().ShouldBe(42 * 60);
        (await Projected.StatementAsync(Store, "span", "2026-04"))["downtimeMinutes"]!.ToObject<decimal>().ShouldBe(8 * 60);
        (await Projected.StatementAsync(Store, "span", "2026-05"))["troubleTickets"]!.Count().ShouldBe(0);
        foreach (var month in new[] { "2026-03", "2026-04", "2026-05" })
        {
            Newtonsoft.Json.Linq.JToken.DeepEquals(await Projected.StatementAsync(Store, "span", month), await Projected.FoldAsync(Store, "span", month)).ShouldBeTrue(month);
        }
    }
}
