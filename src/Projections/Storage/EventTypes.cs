using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Stored event type names, fixed here so renaming or moving a class never orphans stored events. Never change a
/// name once events with it exist; add an upcaster instead.
/// </summary>
public static class EventTypes
{
    public static IReadOnlyList<(Type Type, string Name)> All { get; } =
    [
        (typeof(AccountRegistered), "account_registered"),
        (typeof(ContactAuthorized), "contact_authorized"),
        (typeof(ContactRevoked), "contact_revoked"),
        (typeof(MonthlyRateChanged), "monthly_rate_changed"),
        (typeof(MaintenanceRenewed), "maintenance_renewed"),
        (typeof(MaintenanceWindowScheduled), "maintenance_window_scheduled"),
        (typeof(MaintenanceExtended), "maintenance_extended"),
        (typeof(TicketOpened), "ticket_opened"),
        (typeof(TicketDeclined), "ticket_declined"),
        (typeof(TicketEscalated), "ticket_escalated"),
        (typeof(TicketClosed), "ticket_closed"),
        (typeof(TicketReplaced), "ticket_replaced"),
        (typeof(TroubleTicketOpened), "trouble_ticket_opened"),
        (typeof(TroubleTicketAssigned), "trouble_ticket_assigned"),
        (typeof(TroubleTicketResolved), "trouble_ticket_resolved"),
        (typeof(TroubleTicketClosed), "trouble_ticket_closed"),
        (typeof(CreditRequestApproved), "credit_request_approved"),
        (typeof(CreditRequestRejected), "credit_request_rejected"),
    ];

    public static string NameOf(Type type) => All.First(t => t.Type == type).Name;
}
