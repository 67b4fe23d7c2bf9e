using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Tickets;

/// <summary>R6 and R7: decisions on support tickets.</summary>
public static class TicketDecider
{
    public const string DefaultLanguage = "en";

    public static Decision Decide(AccountState? account, TicketState? existing, OpenTicket c, CommandContext ctx)
    {
        // R6 1-3: refusals that create no ticket.
        if (account is null)
        {
            return Decision.Reject(ReasonCodes.UnknownAccount);
        }
        if (existing is not null)
        {
            return Decision.Reject(ReasonCodes.DuplicateId);
        }
        if (ctx.At < account.RegisteredAt)
        {
            return Decision.Reject(ReasonCodes.OutOfOrder);
        }
        if (!Coverage.IsOfficialChannel(c.Channel, account.Plan))
        {
            return Decision.Reject(ReasonCodes.UnofficialChannel);
        }
        if (!account.IsAuthorized(c.ContactId))
        {
            return Decision.Reject(ReasonCodes.NotAuthorizedContact);
        }

        var stream = StreamRef.Ticket(c.TicketId);
        var language = string.IsNullOrWhiteSpace(c.Language) ? DefaultLanguage : c.Language;
        var opened = new Emitted(stream, new TicketOpened(c.TicketId, c.AccountId, c.ContactId, c.Channel, c.Priority,
            c.Category, c.ReleaseStage, c.Customized, language, c.Summary, ctx.At, ctx.By, c.IncidentId));

        var decline = CoverageFailure(account, c, language, ctx);
        if (decline is null)
        {
            return Decision.Accept(opened);
        }
        var declined = new TicketDeclined(c.TicketId, c.AccountId, decline, decline == ReasonCodes.NotCovered && Coverage.IsReferredToPartners(c.Category),
            ctx.At, ctx.By);
        return Decision.RejectAndRecord(decline, opened, new Emitted(stream, declined));
    }

    /// <summary>R6 4-8, in order; the first that fails decides.</summary>
    private static string? CoverageFailure(AccountState account, OpenTicket c, string language, CommandContext ctx)
    {
        if (Coverage.IsAlwaysServed(c.Category))
        {
            return null;
        }
        if (!MaintenanceAgreement.Covers(account.MaintenanceFrom, account.MaintenanceTo, PolicyTime.LocalDateOf(ctx.At)))
        {
            return ReasonCodes.NoMaintenanceAgreement;
        }
        if (!Coverage.IsSupportedRelease(c.ReleaseStage))
        {
            return ReasonCodes.UnsupportedRelease;
        }
        if (c.Customized)
        {
            return ReasonCodes.CustomizedProduct;
        }
        if (!Coverage.IsEnglish(language))
        {
            return ReasonCodes.UnsupportedLanguage;
        }
        return Coverage.IsCovered(c.Category) ? null : ReasonCodes.NotCovered;
    }

    public static Decision Decide(TicketState? ticket, EscalateTicket c, CommandContext ctx) => ticket switch
    {
        null => Decision.Reject(ReasonCodes.UnknownTicket),
        { IsOpen: false } => Decision.Reject(ReasonCodes.TicketNotOpen),
        _ when ctx.At < ticket.OpenedAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ when !c.Priority.IsHigherThan(ticket.Priority) => Decision.Reject(ReasonCodes.NotAnEscalation),
        _ => Decision.Accept(new Emitted(StreamRef.Ticket(c.TicketId), new TicketEscalated(c.TicketId, ticket.Priority, c.Priority, c.Reason, ctx.At, ctx.By))),
    };

    public static Decision Decide(TicketState? ticket, CloseTicket c, CommandContext ctx) => ticket switch
    {
        null => Decision.Reject(ReasonCodes.UnknownTicket),
        { IsOpen: false } => Decision.Reject(ReasonCodes.TicketNotOpen),
        _ when ctx.At < ticket.OpenedAt => Decision.Reject(ReasonCodes.OutOfOrder),
        _ => Decision.Accept(new Emitted(StreamRef.Ticket(c.TicketId), new TicketClosed(c.TicketId, c.Resolution, ctx.At, ctx.By))),
    };
}
