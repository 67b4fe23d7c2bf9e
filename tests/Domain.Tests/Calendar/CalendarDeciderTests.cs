using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using static Spiisee.EventSourced.Domain.Tests.At;

namespace Spiisee.EventSourced.Domain.Tests.Calendar;

public class CalendarDeciderTests
{
    private static readonly Actor Staff = Actor.Agent("ops");

    private static CommandContext Ctx(string at) => new(I(at), Staff);

    private static CalendarHistory Given(params object[] events) => events.Aggregate(CalendarHistory.Empty, CalendarHistory.Evolve);

    [Fact] // R14: a weekday becomes a holiday, recorded with its instant, actor and reason.
    public void Declaring_a_weekday_records_it()
    {
        var d = CalendarDecider.Decide(CalendarHistory.Empty, new DeclareHoliday(D("2026-03-04"), "Storm day", "office closed"), Ctx("2026-05-12T10:00:00-04:00"));
        d.IsAccepted.ShouldBeTrue();
        d.Events.Single().ShouldBe(new Emitted(StreamRef.Calendar,
            new HolidayDeclared(D("2026-03-04"), "Storm day", "office closed", I("2026-05-12T10:00:00-04:00"), Staff)));
    }

    [Theory] // R14: Saturday and Sunday are refused either way.
    [InlineData("2026-03-07")]
    [InlineData("2026-03-08")]
    public void Weekends_are_refused(string date)
    {
        CalendarDecider.Decide(CalendarHistory.Empty, new DeclareHoliday(D(date), "x", null), Ctx("2026-05-12T10:00:00-04:00")).Reason.ShouldBe(ReasonCodes.NotAWeekday);
        CalendarDecider.Decide(CalendarHistory.Empty, new WithdrawHoliday(D(date), null), Ctx("2026-05-12T10:00:00-04:00")).Reason.ShouldBe(ReasonCodes.NotAWeekday);
    }

    [Theory] // R14/R3: a federal holiday as observed (4 July 2026 is a Saturday, observed Friday 3 July), or one already declared.
    [InlineData("2026-07-03", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-03-04", true)]
    public void Declaring_a_holiday_twice_is_a_duplicate(string date, bool declaredFirst)
    {
        var history = declaredFirst ? Given(new HolidayDeclared(D(date), "Storm day", null, I("2026-05-01T10:00:00-04:00"), Staff)) : CalendarHistory.Empty;
        CalendarDecider.Decide(history, new DeclareHoliday(D(date), "again", null), Ctx("2026-05-12T10:00:00-04:00")).Reason.ShouldBe(ReasonCodes.DuplicateHoliday);
    }

    [Fact] // R14: withdrawing a business day is refused; a federal holiday or a declared one may be withdrawn.
    public void Only_holidays_can_be_withdrawn()
    {
        CalendarDecider.Decide(CalendarHistory.Empty, new WithdrawHoliday(D("2026-03-04"), null), Ctx("2026-05-12T10:00:00-04:00")).Reason.ShouldBe(ReasonCodes.NotAHoliday);
        CalendarDecider.Decide(CalendarHistory.Empty, new WithdrawHoliday(D("2026-12-25"), "worked"), Ctx("2026-05-12T10:00:00-04:00")).IsAccepted.ShouldBeTrue();

        var declared = Given(new HolidayDeclared(D("2026-03-04"), "Storm day", null, I("2026-05-01T10:00:00-04:00"), Staff));
        CalendarDecider.Decide(declared, new WithdrawHoliday(D("2026-03-04"), null), Ctx("2026-05-12T10:00:00-04:00")).IsAccepted.ShouldBeTrue();
    }

    [Fact] // A withdrawn federal date can be declared again, and the calendar follows every step.
    public void A_withdrawal_then_a_declaration_restore_the_day()
    {
        var history = Given(
            new HolidayWithdrawn(D("2026-12-25"), null, I("2026-05-01T10:00:00-04:00"), Staff),
            new HolidayDeclared(D("2026-12-25"), "Christmas Day", null, I("2026-05-02T10:00:00-04:00"), Staff));
        history.AtVersion(1).IsHoliday(D("2026-12-25")).ShouldBeFalse();
        history.Current.IsHoliday(D("2026-12-25")).ShouldBeTrue();
        history.Current.Version.ShouldBe(2);
        history.At(I("2026-05-01T12:00:00-04:00")).IsBusinessDay(D("2026-12-25")).ShouldBeTrue();
        history.At(I("2026-04-30T12:00:00-04:00")).IsHoliday(D("2026-12-25")).ShouldBeTrue();
    }

    [Fact] // "As of X" reads a prefix of the stream, so a change dated before the last recorded one is refused.
    public void A_change_dated_before_the_last_one_is_out_of_order()
    {
        var history = Given(new HolidayDeclared(D("2026-03-04"), "Storm day", null, I("2026-05-12T10:00:00-04:00"), Staff));
        CalendarDecider.Decide(history, new DeclareHoliday(D("2026-03-05"), "x", null), Ctx("2026-05-12T09:59:59-04:00")).Reason.ShouldBe(ReasonCodes.OutOfOrder);
        CalendarDecider.Decide(history, new DeclareHoliday(D("2026-03-05"), "x", null), Ctx("2026-05-12T10:00:00-04:00")).IsAccepted.ShouldBeTrue();
    }

    [Fact] // GET /calendar lists where each day off comes from.
    public void Holidays_in_force_name_their_origin()
    {
        var change = new HolidayDeclared(D("2026-03-04"), "Storm day", "office closed", I("2026-05-12T10:00:00-04:00"), Staff);
        var history = Given(change, new HolidayWithdrawn(D("2026-12-25"), null, I("2026-05-13T10:00:00-04:00"), Staff));
        var days = HolidayInForce.In(2026, history);
        days.Count.ShouldBe(11); // 11 federal, one withdrawn, one declared
        days.Single(h => h.Date == D("2026-03-04")).ShouldSatisfyAllConditions(
            h => h.Origin.ShouldBe(HolidayOrigin.Declared), h => h.Name.ShouldBe("Storm day"), h => h.DeclaredBy!.Version.ShouldBe(1));
        days.Single(h => h.Date == D("2026-07-03")).ShouldSatisfyAllConditions(
            h => h.Origin.ShouldBe(HolidayOrigin.Federal), h => h.Name.ShouldBe("Independence Day"));
        days.ShouldNotContain(h => h.Date == D("2026-12-25"));
    }

    [Fact] // A journal line cannot record a change before it was received.
    public void A_change_dated_after_it_was_received_is_future_dated()
    {
        var ctx = new CommandContext(I("2026-06-01T10:00:00-04:00"), Staff, I("2026-05-12T10:00:00-04:00"));
        CalendarDecider.Decide(CalendarHistory.Empty, new DeclareHoliday(D("2026-03-04"), "x", null), ctx).Reason.ShouldBe(ReasonCodes.FutureDated);
        CalendarDecider.Decide(CalendarHistory.Empty, new DeclareHoliday(D("2026-03-04"), "x", null), ctx with { ReceivedAt = ctx.At }).IsAccepted.ShouldBeTrue();
    }
}
