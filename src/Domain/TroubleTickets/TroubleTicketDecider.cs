using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Tickets;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.TroubleTickets;

/// <summary>R8, R9 and R12: decisions on trouble tickets and their credit requests.</summary>
public static class TroubleTicketDecider
{
    /// <summary>R12: "any time on that 5th day is in time".</summary>
    public const int RequestDeadlineBusinessDays = 5;

    public static Decision Decide(TicketState? ticket, TroubleTicketState? existing, OpenTroubleTicket c, CommandContext ctx)
    {
        if (ticket is null)
        {
            return Decision.Reject(ReasonCodes.UnknownTicket);
        }
        if (existing is not null)
        {
            return Decision.Reject(ReasonCodes.DuplicateId);
        }
        if (!ticket.IsOpen)
        {
            return Decision.Reject(ReasonCodes.TicketNotOpen);
        }
        if (ctx.At < ticket.OpenedAt)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        // R8: opening the trouble ticket and closing the support ticket as replaced are one step.
        return Decision.Accept(
            new Emitted(StreamRef.TroubleTicket(c.TroubleTicketId),
                new TroubleTicketOpened(c.TroubleTicketId, ticket.AccountId, ticket.TicketId, c.Kind, ticket.Priority, ctx.At, ctx.By)),
            new Emitted(StreamRef.Ticket(ticket.TicketId), new TicketReplaced(ticket.TicketId, c.TroubleTicketId, ctx.At, ctx.By)));
    }

    public static Decision Decide(TroubleTicketState? tt, AssignTroubleTicket c, CommandContext ctx) => tt switch
    {
        null => Decision.Reject(ReasonCodes.UnknownTroubleTicket),
        { IsClosed: true } => Decision.Reject(ReasonCodes.TroubleTicketClosed),
        _ when ctx.At < tt.OpenedAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ => Accept(c.TroubleTicketId, new TroubleTicketAssigned(c.TroubleTicketId, c.AgentId,
            AnchorsMttr: tt.MttrAnchorAssignmentAt is null && !tt.IsResolved, ctx.At, ctx.By)),
    };

    public static Decision Decide(TroubleTicketState? tt, ResolveTroubleTicket c, CommandContext ctx) => tt switch
    {
        null => Decision.Reject(ReasonCodes.UnknownTroubleTicket),
        { IsClosed: true } => Decision.Reject(ReasonCodes.TroubleTicketClosed),
        { IsResolved: true } => Decision.Reject(ReasonCodes.AlreadyResolved),
        _ when ctx.At < tt.OpenedAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ => Accept(c.TroubleTicketId, new TroubleTicketResolved(c.TroubleTicketId, c.RootCause, ctx.At, ctx.By)),
    };

    /// <summary>R8: closing an unresolved ticket needs a root cause and resolves it at the same instant.</summary>
    public static Decision Decide(TroubleTicketState? tt, CloseTroubleTicket c, CommandContext ctx)
    {
        if (tt is null)
        {
            return Decision.Reject(ReasonCodes.UnknownTroubleTicket);
        }
        if (tt.IsClosed)
        {
            return Decision.Reject(ReasonCodes.TroubleTicketClosed);
        }
        if (ctx.At < tt.OpenedAt || ctx.At < tt.ResolvedAt)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        var stream = StreamRef.TroubleTicket(c.TroubleTicketId);
        var closed = new Emitted(stream, new TroubleTicketClosed(c.TroubleTicketId, ctx.At, ctx.By));
        if (tt.IsResolved)
        {
            return Decision.Accept(closed);
        }
        if (c.RootCause is not { } cause)
        {
            return Decision.Reject(ReasonCodes.RootCauseRequired);
        }
        return Decision.Accept(new Emitted(stream, new TroubleTicketResolved(c.TroubleTicketId, cause, ctx.At, ctx.By)), closed);
    }

    /// <summary>R12, and R9's extension of the maintenance agreement on approval.</summary>
    public static Decision Decide(TroubleTicketState? tt, AccountState? account, RequestCredit c, CommandContext ctx, HolidayCalendar calendar)
    {
        // R12 step 1: refusals that are not recorded.
        if (tt is null || account is null)
        {
            return Decision.Reject(ReasonCodes.UnknownTroubleTicket);
        }
        // A request dated before the trouble ticket opened, or before its close once closed, is refused unrecorded:
        // recorded, it would be judged against a close it could not have known.
        if (ctx.At < tt.OpenedAt || ctx.At < tt.ClosedAt)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        if (!account.IsAuthorized(c.ContactId))
        {
            return Decision.Reject(ReasonCodes.NotAuthorizedContact);
        }
        if (tt.ApprovedRequestId is not null)
        {
            return Decision.Reject(ReasonCodes.DuplicateRequest);
        }

        var requestId = string.IsNullOrWhiteSpace(c.RequestId) ? $"{c.TroubleTicketId}/request-{tt.CreditRequests + 1}" : c.RequestId;
        var stream = StreamRef.TroubleTicket(c.TroubleTicketId);

        // R12 step 2: recorded with the decision and the deadline it was judged against.
        var deadline = tt.IsClosed ? RequestDeadline(tt.ClosedAt!.Value, calendar) : (LocalDate?)null;
        var refusal = RecordedRefusal(tt, deadline, ctx);
        if (refusal is not null)
        {
            return Decision.RejectAndRecord(refusal, new Emitted(stream,
                new CreditRequestRejected(c.TroubleTicketId, requestId, tt.AccountId, c.ContactId, refusal, ctx.At, ctx.By, deadline, tt.RootCause)));
        }

        var resolvedAt = tt.ResolvedAt!.Value;
        var overdue = Mttr.OverdueDayCount(tt.MttrAnchor, resolvedAt, calendar);
        var approved = new Emitted(stream, new CreditRequestApproved(c.TroubleTicketId, requestId, tt.AccountId, c.ContactId,
            tt.Kind, tt.RootCause!.Value, tt.OpenedAt, tt.ClosedAt!.Value, tt.MttrAnchor, resolvedAt, overdue, ctx.At, ctx.By, deadline));
        if (overdue < 1)
        {
            return Decision.Accept(approved);
        }
        // R9: at least one overdue day extends the agreement by one calendar month, in the same step.
        var extended = new MaintenanceExtended(account.AccountId, account.MaintenanceTo,
            MaintenanceAgreement.ExtendByOneMonth(account.MaintenanceTo), c.TroubleTicketId, requestId, overdue, ctx.At, ctx.By);
        return Decision.Accept(approved, new Emitted(StreamRef.Account(account.AccountId), extended));
    }

    /// <summary>R12: the 5th business day after the close's local date; any time on it is in time.</summary>
    public static LocalDate RequestDeadline(Instant closedAt, HolidayCalendar calendar) =>
        calendar.AddBusinessDays(PolicyTime.LocalDateOf(closedAt), RequestDeadlineBusinessDays);

    private static string? RecordedRefusal(TroubleTicketState tt, LocalDate? deadline, CommandContext ctx)
    {
        if (deadline is null)
        {
            return ReasonCodes.TroubleTicketNotClosed;
        }
        if (PolicyTime.LocalDateOf(ctx.At) > deadline)
        {
            return ReasonCodes.LateRequest;
        }
        return RootCauses.IsCounted(tt.RootCause!.Value) ? null : ReasonCodes.ExcludedCause;
    }

    private static Decision Accept(string troubleTicketId, object e) => Decision.Accept(new Emitted(StreamRef.TroubleTicket(troubleTicketId), e));
}
