using Npgsql;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Incidents;

[Collection(PostgresCollection.Name)]
public class IncidentOrderTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact] // Given an account whose terms were rewritten since it registered, when an incident for every account opens its trouble tickets, then their events are stored in account order.
    public async Task An_incident_for_every_account_stores_its_trouble_tickets_in_account_order()
    {
        var accounts = new[] { "acct-a", "acct-b", "acct-c" };
        var journal = string.Join('\n', accounts.Select(a =>
            $$"""{"at":"2026-05-01T14:00:00Z","type":"RegisterAccount","accountId":"{{a}}","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}"""))
            + "\n" + """
            {"at":"2026-05-02T14:00:00Z","type":"ChangeMonthlyRate","accountId":"acct-a","effectiveMonth":"2026-06","monthlyRate":3100.00}
            {"at":"2026-05-28T13:00:00Z","type":"DeclareIncident","incidentId":"INC-1","title":"Order API outage","impact":"Orders fail","startedAt":"2026-05-28T12:40:00Z"}
            {"at":"2026-05-28T15:00:00Z","type":"OpenIncidentTroubleTickets","incidentId":"INC-1"}
            """;
        var (results, summary) = await ImportAsync(journal);
        summary.Accepted.ShouldBe(summary.Lines, string.Join("; ", results.Select(r => $"{r.Line} {r.Status} {r.Reason}")));

        // acct-a's terms were written again, so a table read in physical order gives it last.
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select stream_id from {Schema}.mt_events where stream_id like 'trouble-ticket/%' and version = 1 order by seq_id", connection);
        var order = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                order.Add(reader.GetString(0));
            }
        }
        order.ShouldBe(accounts.Select(a => $"trouble-ticket/INC-1.{a}").ToList());
    }
}
