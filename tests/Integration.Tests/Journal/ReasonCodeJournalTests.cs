using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Integration.Tests.Journal;

/// <summary>Every reason code of docs/policy.md and every Invalid code of docs/interfaces.md, produced by importing a journal.</summary>
[Collection(PostgresCollection.Name)]
public class ReasonCodeJournalTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static readonly (string Line, string Status, string? Reason)[] Journal =
    [
        ("""{"at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"acme","plan":"Standard","monthlyRate":2200.00,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""", "Accepted", null),
        ("""{"at":"2026-02-02T14:00:00Z","type":"RegisterAccount","accountId":"prem","plan":"Premium","monthlyRate":5000,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""", "Accepted", null),
        ("""{"at":"2026-02-02T14:00:30Z","type":"RegisterAccount","accountId":"acme","plan":"Standard","monthlyRate":1,"currency":"USD","maintenanceFrom":"2026-01-01","maintenanceTo":"2026-12-31"}""", "Rejected", "DuplicateId"),
        ("""{"at":"2026-02-02T14:01:00Z","type":"AuthorizeContact","accountId":"acme","contactId":"alice"}""", "Accepted", null),
        ("""{"at":"2026-02-02T14:01:00Z","type":"AuthorizeContact","accountId":"prem","contactId":"pat"}""", "Accepted", null),
        ("""{"at":"2026-02-02T14:02:00Z","type":"AuthorizeContact","accountId":"nobody","contactId":"x"}""", "Rejected", "UnknownAccount"),
        ("""{"at":"2026-02-02T14:03:00Z","type":"RevokeContact","accountId":"acme","contactId":"bob"}""", "Rejected", "ContactNotAuthorized"),
        ("""{"at":"2026-02-02T14:04:00Z","type":"RenewMaintenance","accountId":"acme","maintenanceTo":"2025-06-30"}""", "Rejected", "InvalidAgreement"),
        // R6
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"nobody","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""", "Rejected", "UnknownAccount"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"acme","contactId":"alice","channel":"Phone","priority":"P2","category":"Incident","releaseStage":"GA"}""", "Rejected", "UnofficialChannel"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"acme","contactId":"bob","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""", "Rejected", "NotAuthorizedContact"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"acme","contactId":"alice","channel":"Web","priority":"P3","category":"Incident","releaseStage":"GA"}""", "Accepted", null),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-1","accountId":"acme","contactId":"alice","channel":"Web","priority":"P3","category":"Incident","releaseStage":"GA","summary":"again"}""", "Rejected", "DuplicateId"),
        ("""{"at":"2026-03-02T10:01:00-05:00","type":"OpenTicket","ticketId":"T-P","accountId":"prem","contactId":"pat","channel":"ScreenShare","priority":"P2","category":"HowTo","releaseStage":"ReleaseCandidate"}""", "Accepted", null),
        ("""{"at":"2027-02-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-2","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""", "Rejected", "NoMaintenanceAgreement"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-3","accountId":"acme","contactId":"alice","channel":"Email","priority":"P2","category":"Incident","releaseStage":"Beta"}""", "Rejected", "UnsupportedRelease"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-4","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA","customized":true}""", "Rejected", "CustomizedProduct"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-5","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA","language":"de"}""", "Rejected", "UnsupportedLanguage"),
        ("""{"at":"2026-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-6","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"CapacityPlanning","releaseStage":"GA"}""", "Rejected", "NotCovered"),
        ("""{"at":"2027-03-02T10:00:00-05:00","type":"OpenTicket","ticketId":"T-7","accountId":"acme","contactId":"alice","channel":"Web","priority":"P2","category":"Billing","releaseStage":"Beta"}""", "Accepted", null),
        // R7
        ("""{"at":"2026-03-02T10:05:00-05:00","type":"EscalateTicket","ticketId":"T-1","priority":"P3"}""", "Rejected", "NotAnEscalation"),
        ("""{"at":"2026-03-02T10:05:00-05:00","type":"EscalateTicket","ticketId":"T-404","priority":"P1"}""", "Rejected", "UnknownTicket"),
        ("""{"at":"2026-03-02T10:05:00-05:00","type":"EscalateTicket","ticketId":"T-3","priority":"P1"}""", "Rejected", "TicketNotOpen"),
        ("""{"at":"2026-03-02T10:06:00-05:00","type":"EscalateTicket","ticketId":"T-1","priority":"P1"}""", "Accepted", null),
        // R8
        ("""{"at":"2026-03-02T11:00:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-1","replacesTicketId":"T-404","kind":"Outage"}""", "Rejected", "UnknownTicket"),
        ("""{"at":"2026-03-02T11:00:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-1","replacesTicketId":"T-1","kind":"Outage"}""", "Accepted", null),
        ("""{"at":"2026-03-02T11:00:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-2","replacesTicketId":"T-1","kind":"Outage"}""", "Rejected", "TicketNotOpen"),
        ("""{"at":"2026-03-02T11:00:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-1","replacesTicketId":"T-P","kind":"Outage"}""", "Rejected", "DuplicateId"),
        ("""{"at":"2026-03-02T11:00:00-05:00","type":"CloseTicket","ticketId":"T-1"}""", "Rejected", "TicketNotOpen"),
        ("""{"at":"2026-03-02T12:00:00-05:00","type":"AssignTroubleTicket","troubleTicketId":"TT-404","agentId":"a"}""", "Rejected", "UnknownTroubleTicket"),
        ("""{"at":"2026-03-03T12:00:00-05:00","type":"RequestCredit","troubleTicketId":"TT-1","contactId":"alice"}""", "Rejected", "TroubleTicketNotClosed"),
        ("""{"at":"2026-03-03T12:00:00-05:00","type":"CloseTroubleTicket","troubleTicketId":"TT-1"}""", "Rejected", "RootCauseRequired"),
        ("""{"at":"2026-03-03T12:30:00-05:00","type":"ResolveTroubleTicket","troubleTicketId":"TT-1","rootCause":"CarrierOutage"}""", "Accepted", null),
        ("""{"at":"2026-03-03T12:31:00-05:00","type":"ResolveTroubleTicket","troubleTicketId":"TT-1","rootCause":"PlatformDefect"}""", "Rejected", "AlreadyResolved"),
        ("""{"at":"2026-03-03T13:00:00-05:00","type":"CloseTroubleTicket","troubleTicketId":"TT-1"}""", "Accepted", null),
        ("""{"at":"2026-03-03T13:01:00-05:00","type":"AssignTroubleTicket","troubleTicketId":"TT-1","agentId":"late"}""", "Rejected", "TroubleTicketClosed"),
        // R12
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"RequestCredit","troubleTicketId":"TT-404","contactId":"alice"}""", "Rejected", "UnknownTroubleTicket"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"RequestCredit","troubleTicketId":"TT-1","contactId":"pat"}""", "Rejected", "NotAuthorizedContact"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"RequestCredit","troubleTicketId":"TT-1","contactId":"alice"}""", "Rejected", "ExcludedCause"),
        ("""{"at":"2026-03-02T12:00:00-05:00","type":"OpenTroubleTicket","troubleTicketId":"TT-P","replacesTicketId":"T-P","kind":"Performance"}""", "Accepted", null),
        ("""{"at":"2026-03-02T13:00:00-05:00","type":"CloseTroubleTicket","troubleTicketId":"TT-P","rootCause":"PlatformDefect"}""", "Accepted", null),
        ("""{"at":"2026-03-10T00:00:00-04:00","type":"RequestCredit","troubleTicketId":"TT-P","contactId":"pat"}""", "Rejected", "LateRequest"),
        // docs/interfaces.md Invalid codes: nothing written
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"RequestCredit",""", "Invalid", "MalformedLine"),
        ("""[1,2,3]""", "Invalid", "MalformedLine"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"DeleteEverything"}""", "Invalid", "UnknownCommand"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"AuthorizeContact","accountId":"acme"}""", "Invalid", "MissingField"),
        ("""{"type":"AuthorizeContact","accountId":"acme","contactId":"c"}""", "Invalid", "MissingField"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":-5,"effectiveMonth":"2026-04"}""", "Invalid", "InvalidValue"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":"5","effectiveMonth":"2026-04"}""", "Invalid", "InvalidValue"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":5,"effectiveMonth":"April"}""", "Invalid", "InvalidValue"),
        ("""{"at":"2026-03-04T09:00:00-05:00","type":"EscalateTicket","ticketId":"T-1","priority":"Urgent"}""", "Invalid", "InvalidValue"),
        ("""{"at":"2026-03-04T09:00:00","type":"AuthorizeContact","accountId":"acme","contactId":"c"}""", "Invalid", "InvalidInstant"),
        ("""{"at":"yesterday","type":"AuthorizeContact","accountId":"acme","contactId":"c"}""", "Invalid", "InvalidInstant"),
    ];

    [Fact]
    public async Task Every_code_is_produced_for_its_cause()
    {
        var (results, summary) = await ImportAsync(string.Join('\n', Journal.Select(j => j.Line)));
        results.Count.ShouldBe(Journal.Length);
        for (var i = 0; i < Journal.Length; i++)
        {
            (results[i].Status, results[i].Reason).ShouldBe((Journal[i].Status, Journal[i].Reason), $"line {i + 1}: {Journal[i].Line}");
        }
        summary.Invalid.ShouldBe(Journal.Count(j => j.Status == "Invalid"));
    }

    [Fact] // An invalid line names its field and, for malformed JSON, the position.
    public async Task Invalid_lines_say_what_and_where()
    {
        var (results, _) = await ImportAsync(string.Join('\n', Journal.Where(j => j.Status == "Invalid").Select(j => j.Line)));
        results[0].Message!.ShouldContain("position");
        results.Single(r => r.Reason == "InvalidInstant" && r.Message!.Contains("no UTC offset")).Field.ShouldBe("at");
        results.First(r => r.Reason == "InvalidValue").Field.ShouldBe("monthlyRate");
        results.First(r => r.Reason == "MissingField").Field.ShouldBe("contactId");
    }

    [Fact] // Invalid lines and unrecorded rejections (R6 1-3, R12 step 1) append no event.
    public async Task Refusals_that_record_nothing_write_no_events()
    {
        await ImportAsync(Journal[0].Line + "\n" + Journal[3].Line);
        var before = await CountEventsAsync();
        var (results, _) = await ImportAsync(string.Join('\n',
            Journal.Where(j => j.Status == "Invalid" || j.Reason is "UnknownAccount" or "UnofficialChannel" or "NotAuthorizedContact").Select(j => j.Line)));
        results.ShouldNotContain(r => r.Status == LineStatus.Accepted);
        (await CountEventsAsync()).ShouldBe(before);
    }

    private async Task<long> CountEventsAsync()
    {
        await using var session = Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
    }
}
