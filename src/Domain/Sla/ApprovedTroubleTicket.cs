using NodaTime;

namespace Spiisee.EventSourced.Domain.Sla;

/// <summary>
/// What a statement needs to know of a trouble ticket whose credit request was approved (R10, R12): its interval,
/// kind, cause, MTTR anchor and resolution, and when the approval happened (for the invoice month, R13).
/// </summary>
public sealed record ApprovedTroubleTicket(
    string TroubleTicketId,
    string RequestId,
    TroubleTicketKind Kind,
    RootCause RootCause,
    Instant OpenedAt,
    Instant ClosedAt,
    Instant MttrAnchor,
    Instant ResolvedAt,
    Instant ApprovedAt)
{
    /// <summary>R10 measures downtime to the second: instants are truncated to whole seconds.</summary>
    public Interval OutageInterval => new(TruncateToSecond(OpenedAt), TruncateToSecond(ClosedAt));

    /// <summary>The months a statement must reflect this ticket in: the outage's months and the MTTR span's.</summary>
    public IEnumerable<YearMonth> MonthsTouched()
    {
        var first = Instant.Min(OpenedAt, MttrAnchor);
        var last = Instant.Max(ClosedAt, ResolvedAt);
        return Time.PolicyTime.MonthsTouched(new Interval(first, last + Duration.Epsilon));
    }

    private static Instant TruncateToSecond(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds());
}
