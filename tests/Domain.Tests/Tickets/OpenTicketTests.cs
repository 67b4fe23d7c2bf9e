using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using static Spiisee.EventSourced.Domain.Tests.Given;

namespace Spiisee.EventSourced.Domain.Tests.Tickets;

/// <summary>R6: checks in order; the first that fails decides.</summary>
public class OpenTicketTests
{
    private static readonly OpenTicket Open = new("T-100", "acme", "alice@acme.example", "Web", Priority.P2, "Incident", "GA");
    private const string March2 = "2026-03-02T14:05:00-05:00";

    private static Decision Decide(OpenTicket c, AccountState? account = null, TicketState? existing = null, string at = March2) =>
        TicketDecider.Decide(account ?? AcmeWithAlice(), existing, c, When(at));

    [Fact] // R6
    public void A_covered_ticket_is_opened()
    {
        var d = Decide(Open);
        d.IsAccepted.ShouldBeTrue();
        d.EventTypes().ShouldBe([typeof(TicketOpened)]);
    }

    [Fact] // R6 1
    public void Unknown_account() =>
        TicketDecider.Decide(null, null, Open, When(March2)).Reason.ShouldBe(ReasonCodes.UnknownAccount);

    [Fact] // R6 1: unknown account is checked before the duplicate id.
    public void Unknown_account_before_duplicate() =>
        TicketDecider.Decide(null, Ticket(T100Opened()), Open, When(March2)).Reason.ShouldBe(ReasonCodes.UnknownAccount);

    [Fact] // R6 1
    public void Duplicate_ticket_id() => Decide(Open, existing: Ticket(T100Opened())).Reason.ShouldBe(ReasonCodes.DuplicateId);

    [Theory] // R6 2: Phone, Chat and ScreenShare are Premium only; anything else is unofficial.
    [InlineData("Web", Plan.Standard, true)]
    [InlineData("Email", Plan.Standard, true)]
    [InlineData("Phone", Plan.Standard, false)]
    [InlineData("Chat", Plan.Standard, false)]
    [InlineData("ScreenShare", Plan.Standard, false)]
    [InlineData("Phone", Plan.Premium, true)]
    [InlineData("Chat", Plan.Premium, true)]
    [InlineData("ScreenShare", Plan.Premium, true)]
    [InlineData("Fax", Plan.Premium, false)]
    [InlineData("Twitter", Plan.Standard, false)]
    public void Channels(string channel, Plan plan, bool official)
    {
        var d = Decide(Open with { Channel = channel }, AcmeWithAlice(plan));
        if (official)
        {
            d.IsAccepted.ShouldBeTrue();
        }
        else
        {
            d.Reason.ShouldBe(ReasonCodes.UnofficialChannel);
            d.Events.ShouldBeEmpty(); // R6: rejections 1-3 create no ticket
        }
    }

    [Fact] // R6 3: end users go through their administrator; nothing is recorded.
    public void Unauthorized_requester()
    {
        var d = Decide(Open with { ContactId = "bob@acme.example" });
        d.Reason.ShouldBe(ReasonCodes.NotAuthorizedContact);
        d.Events.ShouldBeEmpty();
    }

    [Fact] // R6 2 before 3: an unofficial channel from a stranger is UnofficialChannel.
    public void Channel_is_checked_before_the_contact() =>
        Decide(Open with { Channel = "Fax", ContactId = "bob@acme.example" }).Reason.ShouldBe(ReasonCodes.UnofficialChannel);

    [Fact] // R6 5: the agreement covers 2026-01-01..2026-12-31 inclusive, by local date.
    public void Maintenance_agreement_boundaries()
    {
        Decide(Open, at: "2026-12-31T23:59:00-05:00").IsAccepted.ShouldBeTrue();
        var late = Decide(Open, at: "2027-01-01T00:00:00-05:00");
        late.Reason.ShouldBe(ReasonCodes.NoMaintenanceAgreement);
        late.EventTypes().ShouldBe([typeof(TicketOpened), typeof(TicketDeclined)]); // kept on record
        // 2027-01-01T03:00Z is still 31 December in New York.
        Decide(Open, at: "2027-01-01T03:00:00Z").IsAccepted.ShouldBeTrue();
    }

    [Theory] // R6 6: GA and release candidates are supported (the specific sentence prevails).
    [InlineData("GA", null)]
    [InlineData("ReleaseCandidate", null)]
    [InlineData("Beta", ReasonCodes.UnsupportedRelease)]
    [InlineData("Milestone", ReasonCodes.UnsupportedRelease)]
    [InlineData("Development", ReasonCodes.UnsupportedRelease)]
    [InlineData("EndOfLife", ReasonCodes.UnsupportedRelease)]
    public void Release_stages(string stage, string? reason) => Decide(Open with { ReleaseStage = stage }).Reason.ShouldBe(reason);

    [Theory] // R6 7: English in any region.
    [InlineData("en", null)]
    [InlineData("en-US", null)]
    [InlineData("en-GB", null)]
    [InlineData("EN_au", null)]
    [InlineData("fr", ReasonCodes.UnsupportedLanguage)]
    [InlineData("de-DE", ReasonCodes.UnsupportedLanguage)]
    [InlineData("eng", ReasonCodes.UnsupportedLanguage)]
    public void Languages(string language, string? reason) => Decide(Open with { Language = language }).Reason.ShouldBe(reason);

    [Fact] // R6 7
    public void Customized_product() => Decide(Open with { Customized = true }).Reason.ShouldBe(ReasonCodes.CustomizedProduct);

    [Theory] // R6 8
    [InlineData("Incident", null)]
    [InlineData("HowTo", null)]
    [InlineData("Integration", null)]
    [InlineData("ApplicationDebugging", ReasonCodes.NotCovered)]
    [InlineData("ThirdPartyIntegration", ReasonCodes.NotCovered)]
    [InlineData("PerformanceTuning", ReasonCodes.NotCovered)]
    public void Categories(string category, string? reason) => Decide(Open with { Category = category }).Reason.ShouldBe(reason);

    [Fact] // R6 8: the last four are referred to the partner network, and the decline says so.
    public void Partner_network_referral()
    {
        Decide(Open with { Category = "CapacityPlanning" }).Events[1].Event.ShouldBeOfType<TicketDeclined>().ReferredToPartnerNetwork.ShouldBeTrue();
        Decide(Open with { Category = "OpenSourcePatching" }).Events[1].Event.ShouldBeOfType<TicketDeclined>().ReferredToPartnerNetwork.ShouldBeFalse();
    }

    [Fact] // R6 4: billing is served for every customer, even outside the agreement, on a beta, in French.
    public void Billing_skips_coverage() =>
        Decide(Open with { Category = "Billing", ReleaseStage = "Beta", Language = "fr", Customized = true }, at: "2027-06-01T10:00:00-04:00")
            .IsAccepted.ShouldBeTrue();

    [Fact] // R6: the order 5 before 6 before 7 before 8.
    public void Coverage_order()
    {
        Decide(Open with { ReleaseStage = "Beta", Customized = true, Category = "ApplicationDebugging" }, at: "2027-06-01T10:00:00-04:00")
            .Reason.ShouldBe(ReasonCodes.NoMaintenanceAgreement);
        Decide(Open with { ReleaseStage = "Beta", Customized = true }).Reason.ShouldBe(ReasonCodes.UnsupportedRelease);
        Decide(Open with { Customized = true, Language = "fr" }).Reason.ShouldBe(ReasonCodes.CustomizedProduct);
        Decide(Open with { Language = "fr", Category = "ApplicationDebugging" }).Reason.ShouldBe(ReasonCodes.UnsupportedLanguage);
    }

    [Fact] // R6/R7: a declined ticket is on record but not open.
    public void Declined_ticket_is_not_open()
    {
        var d = Decide(Open with { ReleaseStage = "Beta" });
        var state = d.Events.Aggregate((TicketState?)null, (s, e) => TicketState.Evolve(s, e.Event))!;
        state.Status.ShouldBe(TicketStatus.Declined);
        TicketDecider.Decide(state, new EscalateTicket("T-100", Priority.P1), When("2026-03-02T15:00:00-05:00")).Reason.ShouldBe(ReasonCodes.TicketNotOpen);
    }
}
