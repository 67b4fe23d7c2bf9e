using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Domain.Tests.Sla;

public class CreditMathTests
{
    [Theory] // R13: whole 8-hour increments, floor: 7h59m, 8h, 8h01m.
    [InlineData(7 * 3600 + 59 * 60, 0)]
    [InlineData(8 * 3600, 1)]
    [InlineData(8 * 3600 + 60, 1)]
    [InlineData(15 * 3600 + 59 * 60 + 59, 1)]
    [InlineData(16 * 3600, 2)]
    [InlineData(162 * 3600 + 1800, 20)] // worked example: floor(162.5 / 8)
    public void Increments(long seconds, long expected) => CreditMath.Increments(seconds).ShouldBe(expected);

    [Theory] // R13: exactly 90% is not below 90%; one second more is. April 2026 = 2,592,000 s, 10% = 72 h.
    [InlineData(72 * 3600, false)]
    [InlineData(72 * 3600 + 1, true)]
    [InlineData(72 * 3600 - 1, false)]
    public void Ninety_percent_boundary(long downtime, bool below) => CreditMath.BelowNinetyPercent(downtime, 2_592_000).ShouldBe(below);

    [Theory] // R13: MTTR cap at 50%: rate 2,200, 10 days 1,000; 11 days reach 1,100; 12 days stay 1,100.
    [InlineData(10, 1000.00, false)]
    [InlineData(11, 1100.00, true)]
    [InlineData(12, 1100.00, true)]
    [InlineData(0, 0.00, false)]
    [InlineData(2, 200.00, false)]
    public void Mttr_credit_and_cap(long days, decimal expected, bool capped)
    {
        var (credit, isCapped) = CreditMath.MttrCredit(days, 2200m);
        credit.ShouldBe(expected);
        isCapped.ShouldBe(capped);
    }

    [Theory] // R13: availability cap at 50%: 14 increments of 2,200/30 = 1,026.67; 15 reach 1,100; 20 stay 1,100.
    [InlineData(14, 1026.67, false)]
    [InlineData(15, 1100.00, true)]
    [InlineData(20, 1100.00, true)]
    [InlineData(1, 73.33, false)]
    public void Availability_credit_and_cap(long increments, decimal expected, bool capped)
    {
        var (credit, isCapped) = CreditMath.AvailabilityCredit(increments, 2200m);
        credit.ShouldBe(expected);
        isCapped.ShouldBe(capped);
    }

    [Fact] // R13: half a cent rounds away from zero (banker's rounding would give 0.10): 2.31 / 22 = 0.105.
    public void Mttr_half_cent_rounds_up() => CreditMath.MttrCredit(1, 2.31m).Credit.ShouldBe(0.11m);

    [Fact] // R13: 9 x 0.35 / 30 = 0.105 -> 0.11.
    public void Availability_half_cent_rounds_up() => CreditMath.AvailabilityCredit(9, 0.35m).Credit.ShouldBe(0.11m);

    [Fact] // R13: 0.125 -> 0.13, and an odd cap (rate 0.25 -> 0.125) rounds away too.
    public void Cap_rounds_once_to_cents() => CreditMath.MttrCredit(11, 0.25m).Credit.ShouldBe(0.13m);

    [Fact] // R13: rounded once from the exact quotient 3 x 100 / 22 = 13.6363...
    public void Rounds_from_the_exact_quotient() => CreditMath.MttrCredit(3, 100m).Credit.ShouldBe(13.64m); // 13.6363...

    [Theory] // R13: availability to 4 decimals, half away from zero; worked example 1 - 9750/44580.
    [InlineData(585_000, 2_674_800, 78.1292)]
    [InlineData(0, 2_674_800, 100.0000)]
    [InlineData(259_200, 2_592_000, 90.0000)]
    public void Availability_percent(long down, long month, decimal expected) => CreditMath.AvailabilityPercent(down, month).ShouldBe(expected);

    [Theory]
    [InlineData(585_000, 9750.00)]
    [InlineData(61, 1.02)] // 1.01666... -> 1.02
    [InlineData(30, 0.50)]
    public void Minutes_two_decimals(long seconds, decimal expected) => CreditMath.Minutes(seconds).ShouldBe(expected);
}
