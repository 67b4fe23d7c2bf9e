using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Domain.Tests.At;
using static Spiisee.EventSourced.Domain.Tests.Given;

namespace Spiisee.EventSourced.Domain.Tests.Accounts;

public class AccountDeciderTests
{
    private static readonly RegisterAccount Register = new("acme", "Acme Foods", Plan.Standard, 2200m, "USD", D("2026-01-01"), D("2026-12-31"));

    [Fact] // R5
    public void Registering_a_new_account_records_it()
    {
        var d = AccountDecider.Decide(null, Register, When("2026-02-02T14:00:00Z"));
        d.IsAccepted.ShouldBeTrue();
        d.Events.Single().Stream.ShouldBe(StreamRef.Account("acme"));
        d.Events.Single().Event.ShouldBeOfType<AccountRegistered>().MonthlyRate.ShouldBe(2200m);
    }

    [Fact] // R5: ids are unique per kind.
    public void Registering_an_existing_id_is_DuplicateId() =>
        AccountDecider.Decide(Account(AcmeRegistered()), Register, When("2026-02-03T14:00:00Z")).Reason.ShouldBe(ReasonCodes.DuplicateId);

    [Fact] // R5: a command naming an unknown account.
    public void Commands_on_unknown_accounts_are_UnknownAccount()
    {
        var ctx = When("2026-02-03T14:00:00Z");
        AccountDecider.Decide(null, new AuthorizeContact("nope", "a"), ctx).Reason.ShouldBe(ReasonCodes.UnknownAccount);
        AccountDecider.Decide(null, new RevokeContact("nope", "a"), ctx).Reason.ShouldBe(ReasonCodes.UnknownAccount);
        AccountDecider.Decide(null, new ChangeMonthlyRate("nope", 1m, M("2026-03")), ctx).Reason.ShouldBe(ReasonCodes.UnknownAccount);
        AccountDecider.Decide(null, new RenewMaintenance("nope", D("2027-01-01")), ctx).Reason.ShouldBe(ReasonCodes.UnknownAccount);
        AccountDecider.Decide(null, new ScheduleMaintenanceWindow("nope", I("2026-03-01T00:00:00Z"), I("2026-03-01T01:00:00Z")), ctx)
            .Reason.ShouldBe(ReasonCodes.UnknownAccount);
    }

    [Fact] // R5: bad input is caught before any decision.
    public void Invalid_registration_values()
    {
        (Register with { MonthlyRate = -1m }).Validate().Single().Field.ShouldBe("monthlyRate");
        (Register with { MonthlyRate = 0m }).Validate().Single().Field.ShouldBe("monthlyRate");
        (Register with { Currency = "usd" }).Validate().Single().Field.ShouldBe("currency");
        (Register with { MaintenanceTo = D("2025-12-31") }).Validate().Single().Field.ShouldBe("maintenanceTo");
        Register.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Authorizing_twice_records_once()
    {
        var state = AcmeWithAlice();
        var d = AccountDecider.Decide(state, new AuthorizeContact("acme", "alice@acme.example"), When("2026-02-03T14:00:00Z"));
        d.IsAccepted.ShouldBeTrue();
        d.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Revoking_removes_the_contact_and_an_unknown_contact_cannot_be_revoked()
    {
        var state = AcmeWithAlice();
        var d = AccountDecider.Decide(state, new RevokeContact("acme", "alice@acme.example"), When("2026-02-03T14:00:00Z"));
        var after = AccountState.Evolve(state, d.Events.Single().Event)!;
        after.IsAuthorized("alice@acme.example").ShouldBeFalse();
        AccountDecider.Decide(after, new RevokeContact("acme", "alice@acme.example"), When("2026-02-04T14:00:00Z"))
            .Reason.ShouldBe(ReasonCodes.ContactNotAuthorized);
    }

    [Fact] // R5: the rate for a month is the latest change effective at or before it.
    public void Rate_changes_apply_from_their_effective_month()
    {
        var state = Account(AcmeRegistered(),
            new MonthlyRateChanged("acme", 3000m, M("2026-06"), I("2026-05-01T00:00:00Z"), Journal),
            new MonthlyRateChanged("acme", 2500m, M("2026-04"), I("2026-05-02T00:00:00Z"), Journal))!;
        state.Rates.RateFor(M("2026-03")).ShouldBe(2200m);
        state.Rates.RateFor(M("2026-04")).ShouldBe(2500m);
        state.Rates.RateFor(M("2026-06")).ShouldBe(3000m);
        state.Rates.RateFor(M("2027-01")).ShouldBe(3000m);
    }

    [Fact]
    public void Renewal_moves_the_end_of_the_agreement()
    {
        var d = AccountDecider.Decide(AcmeWithAlice(), new RenewMaintenance("acme", D("2027-12-31")), When("2026-12-01T00:00:00Z"));
        d.Events.Single().Event.ShouldBeOfType<MaintenanceRenewed>().PreviousTo.ShouldBe(D("2026-12-31"));
        AccountDecider.Decide(AcmeWithAlice(), new RenewMaintenance("acme", D("2025-12-31")), When("2026-12-01T00:00:00Z"))
            .Reason.ShouldBe(ReasonCodes.InvalidAgreement);
    }
}
