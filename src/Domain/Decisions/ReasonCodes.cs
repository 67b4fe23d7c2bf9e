namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>The reason codes of docs/policy.md, spelled exactly as the journal results and the API report them.</summary>
public static class ReasonCodes
{
    public const string UnknownAccount = nameof(UnknownAccount);
    public const string DuplicateId = nameof(DuplicateId);
    public const string UnofficialChannel = nameof(UnofficialChannel);
    public const string NotAuthorizedContact = nameof(NotAuthorizedContact);
    public const string NoMaintenanceAgreement = nameof(NoMaintenanceAgreement);
    public const string UnsupportedRelease = nameof(UnsupportedRelease);
    public const string CustomizedProduct = nameof(CustomizedProduct);
    public const string UnsupportedLanguage = nameof(UnsupportedLanguage);
    public const string NotCovered = nameof(NotCovered);
    public const string NotAnEscalation = nameof(NotAnEscalation);
    public const string TicketNotOpen = nameof(TicketNotOpen);
    public const string UnknownTicket = nameof(UnknownTicket);
    public const string UnknownTroubleTicket = nameof(UnknownTroubleTicket);
    public const string AlreadyResolved = nameof(AlreadyResolved);
    public const string RootCauseRequired = nameof(RootCauseRequired);
    public const string TroubleTicketClosed = nameof(TroubleTicketClosed);
    public const string DuplicateRequest = nameof(DuplicateRequest);
    public const string TroubleTicketNotClosed = nameof(TroubleTicketNotClosed);
    public const string LateRequest = nameof(LateRequest);
    public const string ExcludedCause = nameof(ExcludedCause);
    public const string DuplicateHoliday = nameof(DuplicateHoliday);
    public const string NotAHoliday = nameof(NotAHoliday);
    public const string NotAWeekday = nameof(NotAWeekday);
    public const string UnknownIncident = nameof(UnknownIncident);
    public const string IncidentResolved = nameof(IncidentResolved);

    /// <summary>An extra code, not the policy's own (docs/policy.md R5, Reading): revoking a contact that is not authorized (nothing to revoke).</summary>
    public const string ContactNotAuthorized = nameof(ContactNotAuthorized);

    /// <summary>An extra code, not the policy's own (docs/policy.md R5, Reading): renewing to an end before the agreement's start.</summary>
    public const string InvalidAgreement = nameof(InvalidAgreement);

    /// <summary>
    /// Extension: a step dated before the step it follows (a trouble ticket assigned, resolved or closed before it was
    /// opened, closed before it was resolved, or opened before the ticket it replaces). An outage cannot end before it
    /// starts (R8, R10); such a journal line is refused rather than recorded as a negative interval.
    /// </summary>
    public const string OutOfOrder = nameof(OutOfOrder);

    /// <summary>Extension (docs/policy.md R14, R15, Reading): a calendar change or an incident notice dated after the instant it was received.</summary>
    public const string FutureDated = nameof(FutureDated);
}
