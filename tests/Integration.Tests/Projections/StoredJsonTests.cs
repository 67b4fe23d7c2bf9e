using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.JsonNet;
using Npgsql;
using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

[Collection(PostgresCollection.Name)]
public class StoredJsonTests(PostgresDatabase database) : StoreTestBase(database)
{
    /// <summary>
    /// Newtonsoft's stock camel-case set-up with the same converters given to the serializer: how events and documents
    /// were written before their converters moved into the contracts (<see cref="ConverterContractResolver"/>).
    /// </summary>
    private static readonly JsonSerializer Stock = JsonSerializer.Create(StockSettings());

    private static JsonSerializerSettings StockSettings()
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MissingMemberHandling = MissingMemberHandling.Ignore,
        };
        settings.Converters.Add(new StringEnumConverter());
        settings.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return settings;
    }

    private static readonly JsonSerializer Ours = JsonSerializer.Create(JsonSettings.Create());

    private static readonly Type[] Documents =
        [typeof(TicketTimeline), typeof(TroubleTicketFile), typeof(IncidentFile), typeof(CalendarRecord), typeof(AccountTerms), typeof(MonthlyApprovals), typeof(AppliedCommand)];

    private const string MoreKinds = """
        {"at":"2026-02-02T09:00:00Z","type":"DeclareHoliday","date":"2026-03-19","name":"Office closure","reason":"storm"}
        {"at":"2026-02-02T09:05:00Z","type":"DeclareHoliday","date":"2026-03-20","name":"Second day"}
        {"at":"2026-02-03T09:00:00Z","type":"WithdrawHoliday","date":"2026-03-20"}
        {"at":"2026-02-04T09:00:00Z","type":"RegisterAccount","accountId":"north","plan":"Standard","monthlyRate":3000.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}
        {"at":"2026-02-04T09:01:00Z","type":"AuthorizeContact","accountId":"north","contactId":"ann@north.example"}
        {"at":"2026-02-04T09:02:00Z","type":"AuthorizeContact","accountId":"north","contactId":"bob@north.example"}
        {"at":"2026-02-05T09:00:00Z","type":"RevokeContact","accountId":"north","contactId":"bob@north.example"}
        {"at":"2026-02-05T10:00:00Z","type":"ChangeMonthlyRate","accountId":"north","effectiveMonth":"2026-04","monthlyRate":3500.50}
        {"at":"2026-05-28T13:00:00-04:00","type":"DeclareIncident","incidentId":"INC-7","title":"Order API \"outage\" ✓","impact":"Orders fail with 503","accounts":["north"],"startedAt":"2026-05-28T12:40:00-04:00"}
        {"at":"2026-05-28T14:00:00-04:00","type":"UpdateIncident","incidentId":"INC-7","status":"Fix deployed to half the fleet"}
        {"at":"2026-05-28T15:00:00-04:00","type":"OpenIncidentTroubleTickets","incidentId":"INC-7"}
        {"at":"2026-06-01T10:00:00-04:00","type":"ResolveTroubleTicket","troubleTicketId":"INC-7.north","rootCause":"PlatformDefect"}
        {"at":"2026-06-01T11:00:00-04:00","type":"CloseTroubleTicket","troubleTicketId":"INC-7.north"}
        {"at":"2026-06-01T12:00:00-04:00","type":"ResolveIncident","incidentId":"INC-7","summary":"Fixed at the load balancer"}
        {"at":"2026-06-03T09:00:00-04:00","type":"RequestCredit","troubleTicketId":"INC-7.north","contactId":"ann@north.example"}
        """;

    [Fact] // Given every kind of event and document stored, when each is read and written again, then its JSON is the stock set-up's, byte for byte.
    public async Task Events_and_documents_are_written_as_the_stock_converters_wrote_them()
    {
        foreach (var journal in new[] { "march-outage.jsonl", "quarter-2026-q1.jsonl" })
        {
            (await ImportAsync(await File.ReadAllTextAsync(SamplePath(journal)))).Summary.Invalid.ShouldBe(0);
        }
        (await ImportAsync(MoreKinds)).Summary.Invalid.ShouldBe(0);

        var stored = new List<(Type Type, string Json)>();
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using (var events = new NpgsqlCommand($"select mt_dotnet_type, data::text from {Schema}.mt_events", connection))
        await using (var reader = await events.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((Type.GetType(reader.GetString(0), throwOnError: true)!, reader.GetString(1)));
            }
        }
        foreach (var type in Documents)
        {
            await using var documents = new NpgsqlCommand($"select data::text from {Schema}.mt_doc_{type.Name.ToLowerInvariant()}", connection);
            await using var reader = await documents.ExecuteReaderAsync();
            var count = 0;
            while (await reader.ReadAsync())
            {
                stored.Add((type, reader.GetString(0)));
                count++;
            }
            count.ShouldBeGreaterThan(0, type.Name);
        }
        stored.Select(s => s.Type).Distinct().Count().ShouldBeGreaterThan(Documents.Length + 20);

        foreach (var (type, json) in stored)
        {
            var readByStock = Stock.Deserialize(new JsonTextReader(new StringReader(json)), type);
            var readByOurs = Ours.Deserialize(new JsonTextReader(new StringReader(json)), type);
            var expected = Write(Stock, readByStock);
            Write(Ours, readByStock).ShouldBe(expected, type.Name);
            Write(Ours, readByOurs).ShouldBe(expected, type.Name);
            Write(Stock, readByOurs).ShouldBe(expected, type.Name);
        }
    }

    private static string Write(JsonSerializer serializer, object? value)
    {
        var text = new StringWriter();
        serializer.Serialize(text, value);
        return text.ToString();
    }
}
