namespace Spiisee.EventSourced.Domain.Decisions;

/// <summary>
/// What a decision returns: events to record (possibly on several streams, written atomically) and, when the
/// command was refused, the reason. A refusal may still record events: a declined ticket (R6 4-8) or a rejected
/// credit request (R12 step 2) stays on record; the other refusals record nothing.
/// </summary>
public sealed record Decision(IReadOnlyList<Emitted> Events, string? Reason)
{
    public bool IsAccepted => Reason is null;

    public static Decision Accept(params Emitted[] events) => new(events, null);

    public static Decision Reject(string reason) => new([], reason);

    public static Decision RejectAndRecord(string reason, params Emitted[] events) => new(events, reason);
}
