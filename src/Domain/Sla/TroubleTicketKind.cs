namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>R8: only outages are downtime (R10); both kinds earn MTTR credit (R9).</summary>
public enum TroubleTicketKind
{
    Outage,
    Performance,
}
