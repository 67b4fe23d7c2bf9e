namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R13: exact decimal credit arithmetic, rounded once to cents, half away from zero.</summary>
public static class CreditMath
{
    public const int MttrDivisor = 22;
    public const int AvailabilityDivisor = 30;
    public const long SecondsPerIncrement = 8 * 3600;

    /// <summary>Rounded once to cents, half away from zero; always written with two decimals (adding 0.00m sets the scale).</summary>
    public static decimal Cents(decimal exact) => Math.Round(exact, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal Cap(decimal rate) => rate / 2m;

    /// <summary>R9/R13: days x rate/22, capped at 50% of the rate; the cap test is exact (days x 2 >= 22).</summary>
    public static (decimal Credit, bool Capped) MttrCredit(long overdueDays, decimal rate)
    {
        if (overdueDays * 2 >= MttrDivisor)
        {
            return (Cents(Cap(rate)), true);
        }
        return (Cents(overdueDays * rate / MttrDivisor), false);
    }

    /// <summary>R13: increments x rate/30, capped at 50% of the rate; the cap test is exact (increments x 2 >= 30).</summary>
    public static (decimal Credit, bool Capped) AvailabilityCredit(long increments, decimal rate)
    {
        if (increments * 2 >= AvailabilityDivisor)
        {
            return (Cents(Cap(rate)), true);
        }
        return (Cents(increments * rate / AvailabilityDivisor), false);
    }

    /// <summary>R13: the credit is earned only below 90% availability, exactly: downtime/length > 1/10.</summary>
    public static bool BelowNinetyPercent(long downtimeSeconds, long monthSeconds) => downtimeSeconds * 10 > monthSeconds;

    public static long Increments(long downtimeSeconds) => downtimeSeconds / SecondsPerIncrement;

    /// <summary>R13: 4 decimals, half away from zero.</summary>
    public static decimal AvailabilityPercent(long downtimeSeconds, long monthSeconds) =>
        Math.Round((monthSeconds - downtimeSeconds) * 100m / monthSeconds, 4, MidpointRounding.AwayFromZero) + 0.0000m;

    /// <summary>R13: minutes with 2 decimals, half away from zero.</summary>
    public static decimal Minutes(long seconds) => Math.Round(seconds / 60m, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
