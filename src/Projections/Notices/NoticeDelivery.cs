using NodaTime;

namespace Spiisee.EventSourced.Projections.Notices;

public enum NoticeStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One email of one incident notice (its declaration, an update, its resolution) to one authorized contact (R15), and
/// how its delivery went. Written in the transaction that decided the notice's recipients; its id names the notice and
/// the contact, so deciding them again finds it instead of writing a second one.
/// </summary>
public sealed class NoticeDelivery
{
    public string Id { get; set; } = "";

    public string IncidentId { get; set; } = "";

    /// <summary>The incident stream's version of the notice: 1 is the declaration.</summary>
    public long NoticeVersion { get; set; }

    /// <summary>Declared, Updated or Resolved.</summary>
    public string Kind { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string ContactId { get; set; } = "";

    /// <summary>The notice's instant: recipients are the contacts authorized then.</summary>
    public Instant NoticeAt { get; set; }

    public string Title { get; set; } = "";

    public string Impact { get; set; } = "";

    public Instant StartedAt { get; set; }

    /// <summary>The incident's status as of this notice (the update's text, or Resolved with its summary).</summary>
    public string IncidentStatus { get; set; } = "";

    public NoticeStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public Instant? SentAt { get; set; }

    /// <summary>Why the back office last sent it again, if it did.</summary>
    public string? ResentBecause { get; set; }

    /// <summary>Derived from the notice and the contact: a duplicate after a crash between send and record carries the same one.</summary>
    public string MessageId { get; set; } = "";
}
