namespace Spiisee.EventSourced.Domain.Tickets;

/// <summary>R7: P1 (production outage, security issues included) is the highest.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
}

public static class Priorities
{
    public static bool IsHigherThan(this Priority candidate, Priority current) => (int)candidate < (int)current;
}
