using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Incidents;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.TroubleTickets;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Incidents;

public class IncidentDeciderTests
{
    private static readonly Actor Ops = Actor.System("BackOffice:ops");

    private static CommandContext Ctx(string at) => new(I(at), Ops);

    private static AccountState Account(string id, string registered) =>
        new(id, null, Plan.Standard, "USD", new RateSchedule(3000m, []), D("2026-01-01"), D("2026-12-31"), [], [], I(registered));

    private static IncidentState Declared(IReadOnlyList<string>? accounts = null) =>
        IncidentState.Evolve(null, new IncidentDeclared("INC-1", "Outage", "503s", accounts, I("2026-05-28T12:40:00-04:00"), I("2026-05-28T13:00:00-04:00"), Ops))!;

    [Fact] // R15: an id already used, an unknown account listed, or a start after the declaration are refused.
    public void Declaring_is_judged()
    {
        var c = new DeclareIncident("INC-1", "Outage", "503s", ["north"], I("2026-05-28T12:40:00-04:00"));
        var north = new Dictionary<string, AccountState?> { ["north"] = Account("north", "2026-05-01T14:00:00Z") };
        IncidentDecider.Decide(null, north, c, Ctx("2026-05-28T13:00:00-04:00")).IsAccepted.ShouldBeTrue();
        IncidentDecider.Decide(Declared(), north, c, Ctx("2026-05-28T13:00:00-04:00")).Reason.ShouldBe(ReasonCodes.DuplicateId);
        IncidentDecider.Decide(null, new Dictionary<string, AccountState?> { ["north"] = null }, c, Ctx("2026-05-28T13:00:00-04:00")).Reason.ShouldBe(ReasonCodes.UnknownAccount);
        IncidentDecider.Decide(null, north, c, Ctx("2026-05-28T12:39:00-04:00")).Reason.ShouldBe(ReasonCodes.OutOfOrder);
    }

    [Fact] // R15: updates and the resolution need a known, open incident.
    public void Updates_need_an_open_incident()
    {
        IncidentDecider.Decide(null, new UpdateIncident("INC-1", "x"), Ctx("2026-05-28T14:00:00-04:00")).Reason.ShouldBe(ReasonCodes.UnknownIncident);
        IncidentDecider.Decide(Declared(), new UpdateIncident("INC-1", "x"), Ctx("2026-05-28T14:00:00-04:00")).IsAccepted.ShouldBeTrue();
        var resolved = IncidentState.Evolve(Declared(), new IncidentResolved("INC-1", "done", I("2026-05-28T15:00:00-04:00"), Ops));
        IncidentDecider.Decide(resolved, new UpdateIncident("INC-1", "x"), Ctx("2026-05-28T16:00:00-04:00")).Reason.ShouldBe(ReasonCodes.IncidentResolved);
        IncidentDecider.Decide(resolved, new ResolveIncident("INC-1", "again"), Ctx("2026-05-28T16:00:00-04:00")).Reason.ShouldBe(ReasonCodes.IncidentResolved);
    }

    [Fact] // R15: one Outage trouble ticket per affected account registered by then, replacing no ticket, linked to the incident.
    public void Trouble_tickets_open_for_each_affected_account()
    {
        var accounts = new[] { Account("north", "2026-05-01T14:00:00Z"), Account("south", "2026-05-01T14:00:00Z"), Account("late", "2026-06-01T14:00:00Z") };
        var d = IncidentDecider.Decide(Declared(), accounts, new OpenIncidentTroubleTickets("INC-1"), Ctx("2026-05-28T15:00:00-04:00"));
        var opened = d.Events.Select(e => e.Event).OfType<TroubleTicketOpened>().ToList();
        opened.Select(o => (o.TroubleTicketId, o.AccountId, o.ReplacesTicketId, o.Kind, o.IncidentId)).ShouldBe([
            ("INC-1.north", "north", (string?)null, TroubleTicketKind.Outage, "INC-1"),
            ("INC-1.south", "south", null, TroubleTicketKind.Outage, "INC-1"),
        ]);
        opened.ShouldAllBe(o => o.At == I("2026-05-28T15:00:00-04:00"));

        var listed = IncidentDecider.Decide(Declared(["south"]), accounts, new OpenIncidentTroubleTickets("INC-1"), Ctx("2026-05-28T15:00:00-04:00"));
        listed.Events.Select(e => e.Event).OfType<TroubleTicketOpened>().ShouldHaveSingleItem().AccountId.ShouldBe("south");

        var done = IncidentState.Evolve(Declared(), d.Events.Last().Event);
        IncidentDecider.Decide(done, accounts, new OpenIncidentTroubleTickets("INC-1"), Ctx("2026-05-29T15:00:00-04:00")).Reason.ShouldBe(ReasonCodes.DuplicateId);
    }

    [Fact] // Ids of trouble tickets stay within an id's 128 characters, and are stable.
    public void Trouble_ticket_ids_fit()
    {
        IncidentDecider.TroubleTicketIdFor("INC-1", "north").ShouldBe("INC-1.north");
        var id = IncidentDecider.TroubleTicketIdFor(new string('i', 128), new string('a', 128));
        id.Length.ShouldBeLessThanOrEqualTo(128);
        id.ShouldBe(IncidentDecider.TroubleTicketIdFor(new string('i', 128), new string('a', 128)));
        // Distinct pairs, distinct ids: dots in either id, or a long shared prefix, do not make two incidents collide.
        IncidentDecider.TroubleTicketIdFor("a", "b.c").ShouldNotBe(IncidentDecider.TroubleTicketIdFor("a.b", "c"));
        IncidentDecider.TroubleTicketIdFor(new string('L', 100) + "1", new string('z', 44))
            .ShouldNotBe(IncidentDecider.TroubleTicketIdFor(new string('L', 100) + "2", new string('z', 44)));
    }
}
