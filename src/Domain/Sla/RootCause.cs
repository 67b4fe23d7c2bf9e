namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R11.</summary>
public enum RootCause
{
    PlatformDefect,
    ScheduledMaintenance,
    EmergencyMaintenance,
    CustomerEquipment,
    CarrierOutage,
    UnauthorizedUse,
    PolicyViolation,
    ForceMajeure,
    BeyondReasonableControl,
}

public static class RootCauses
{
    /// <summary>R11: only these two earn credit of either kind.</summary>
    public static bool IsCounted(RootCause cause) => cause is RootCause.PlatformDefect or RootCause.ScheduledMaintenance;
}
