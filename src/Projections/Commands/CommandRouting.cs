using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.TroubleTickets;

namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Which streams a command reads, and which pure decision it goes to.</summary>
public static class CommandRouting
{
    public static IEnumerable<StreamRef> Reads(ICommand command) => command switch
    {
        RegisterAccount c => [StreamRef.Account(c.AccountId)],
        AuthorizeContact c => [StreamRef.Account(c.AccountId)],
        RevokeContact c => [StreamRef.Account(c.AccountId)],
        ChangeMonthlyRate c => [StreamRef.Account(c.AccountId)],
        RenewMaintenance c => [StreamRef.Account(c.AccountId)],
        ScheduleMaintenanceWindow c => [StreamRef.Account(c.AccountId)],
        OpenTicket c => [StreamRef.Account(c.AccountId), StreamRef.Ticket(c.TicketId)],
        EscalateTicket c => [StreamRef.Ticket(c.TicketId)],
        CloseTicket c => [StreamRef.Ticket(c.TicketId)],
        OpenTroubleTicket c => [StreamRef.Ticket(c.ReplacesTicketId), StreamRef.TroubleTicket(c.TroubleTicketId)],
        AssignTroubleTicket c => [StreamRef.TroubleTicket(c.TroubleTicketId)],
        ResolveTroubleTicket c => [StreamRef.TroubleTicket(c.TroubleTicketId)],
        CloseTroubleTicket c => [StreamRef.TroubleTicket(c.TroubleTicketId)],
        RequestCredit c => [StreamRef.TroubleTicket(c.TroubleTicketId)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
    };

    /// <summary>Streams known only once the first reads are in: a credit request needs its ticket's account.</summary>
    public static IEnumerable<StreamRef> DependentReads(ICommand command, Func<StreamRef, object?> state) => command switch
    {
        RequestCredit c when state(StreamRef.TroubleTicket(c.TroubleTicketId)) is TroubleTicketState tt => [StreamRef.Account(tt.AccountId)],
        _ => [],
    };

    public static Decision Decide(ICommand command, CommandContext ctx, Func<StreamRef, object?> state, HolidayCalendar calendar)
    {
        AccountState? Account(string id) => (AccountState?)state(StreamRef.Account(id));
        TicketState? Ticket(string id) => (TicketState?)state(StreamRef.Ticket(id));
        TroubleTicketState? Trouble(string id) => (TroubleTicketState?)state(StreamRef.TroubleTicket(id));

        return command switch
        {
            RegisterAccount c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            AuthorizeContact c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            RevokeContact c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            ChangeMonthlyRate c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            RenewMaintenance c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            ScheduleMaintenanceWindow c => AccountDecider.Decide(Account(c.AccountId), c, ctx),
            OpenTicket c => TicketDecider.Decide(Account(c.AccountId), Ticket(c.TicketId), c, ctx),
            EscalateTicket c => TicketDecider.Decide(Ticket(c.TicketId), c, ctx),
            CloseTicket c => TicketDecider.Decide(Ticket(c.TicketId), c, ctx),
            OpenTroubleTicket c => TroubleTicketDecider.Decide(Ticket(c.ReplacesTicketId), Trouble(c.TroubleTicketId), c, ctx),
            AssignTroubleTicket c => TroubleTicketDecider.Decide(Trouble(c.TroubleTicketId), c, ctx),
            ResolveTroubleTicket c => TroubleTicketDecider.Decide(Trouble(c.TroubleTicketId), c, ctx),
            CloseTroubleTicket c => TroubleTicketDecider.Decide(Trouble(c.TroubleTicketId), c, ctx),
            RequestCredit c => TroubleTicketDecider.Decide(Trouble(c.TroubleTicketId),
                Trouble(c.TroubleTicketId) is { } tt ? Account(tt.AccountId) : null, c, ctx, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
    }

    /// <summary>Who acts: the contact who opens a ticket or asks for a credit, the agent assigned, else the caller.</summary>
    public static Actor ActorFor(ICommand command, Actor caller) => command switch
    {
        OpenTicket c => Actor.Contact(c.ContactId),
        RequestCredit c => Actor.Contact(c.ContactId),
        AssignTroubleTicket c when caller.Kind == ActorKind.System => Actor.Agent(c.AgentId),
        _ => caller,
    };
}
