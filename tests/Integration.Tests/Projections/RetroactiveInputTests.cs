using Spiisee.EventSourced.Integration.Tests.Infrastructure;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

/// <summary>design-hints.md: inputs recorded after the fact must reach the statements of the months they affect.</summary>
[Collection(PostgresCollection.Name)]
public class RetroactiveInputTests(PostgresDatabase database) : StoreTestBase(database)
{
    private async Task<StatementView> Statement(int month)
    {
        await using var session = Store.QuerySession();
        return (await StatementView.LoadAsync(session, "acme", new YearMonth(2026, month), default))!;
    }

    [Fact] // R5: a rate change effective in March, recorded in May, changes March's credits.
    public async Task Rate_change_effective_earlier()
    {
        await ImportAsync(ExampleJournal);
        (await Statement(3)).TotalCredit.ShouldBe(1300.00m);
        await ImportAsync("""{"at":"2026-05-04T10:00:00-04:00","type":"ChangeMonthlyRate","accountId":"acme","monthlyRate":4400.00,"effectiveMonth":"2026-03"}""");
        var march = await Statement(3);
        (march.MonthlyRate, march.AvailabilityCredit, march.MttrCredit, march.TotalCredit).ShouldBe((4400.00m, 2200.00m, 400.00m, 2600.00m));
        (await Statement(2)).MonthlyRate.ShouldBe(2200.00m);
        // R13: March was issued at 1,300.00 on 10 March; the change corrects it on June's invoice instead of rewriting it.
        march.Ledger.Select(l => (l.Kind, l.Amount, l.InvoiceMonth)).ShouldBe(
            [(Domain.Sla.LedgerLineKind.Credit, 1300.00m, "2026-04"), (Domain.Sla.LedgerLineKind.Correction, 1300.00m, "2026-06")]);
        march.Ledger[1].RateChange!.MonthlyRate.ShouldBe(4400.00m);
        march.Issued!.TotalCredit.ShouldBe(1300.00m);
        Newtonsoft.Json.Linq.JToken.DeepEquals(await Projected.StatementAsync(Store, "acme", "2026-03"), await Projected.FoldAsync(Store, "acme", "2026-03"))
            .ShouldBeTrue();
    }

    [Fact] // R4/R10: a prearranged window recorded after a scheduled-maintenance outage carves it out.
    public async Task Window_recorded_after_the_outage()
    {
        var journal = string.Join('\n', ExampleJournal.Split('\n').Take(5).Concat(
        [
            """{"at":"2026-03-15T00:30:00-04:00","type":"OpenTicket","ticketId":"T-2","accountId":"acme","contactId":"alice@acme.example","channel":"Web","priority":"P1","category":"Incident","releaseStage":"GA"}""",
            """{"at":"2026-03-15T01:00:00-04:00","type":"OpenTroubleTicket","troubleTicketId":"TT-2","replacesTicketId":"T-2","kind":"Outage"}""",
            """{"at":"2026-03-15T05:00:00-04:00","type":"CloseTroubleTicket","troubleTicketId":"TT-2","rootCause":"ScheduledMaintenance"}""",
            """{"at":"2026-03-16T09:00:00-04:00","type":"RequestCredit","troubleTicketId":"TT-2","contactId":"alice@acme.example"}""",
        ]));
        await ImportAsync(journal);
        (await Statement(3)).TroubleTickets.Single(t => t.TroubleTicketId == "TT-2").DowntimeMinutes.ShouldBe(240.00m); // Sunday: no standard window
        await ImportAsync("""{"at":"2026-03-20T10:00:00-04:00","type":"ScheduleMaintenanceWindow","accountId":"acme","from":"2026-03-15T00:00:00-04:00","to":"2026-03-15T04:00:00-04:00"}""");
        var line = (await Statement(3)).TroubleTickets.Single(t => t.TroubleTicketId == "TT-2");
        line.DowntimeMinutes.ShouldBe(60.00m);
        line.CarvedOutIntervals.Single().Duration.ShouldBe(Duration.FromHours(3));
    }
}
