namespace Spiisee.EventSourced.Domain.Decisions;

public enum StreamKind
{
    Account,
    Ticket,
    TroubleTicket,
    Calendar,
    Incident,
}

/// <summary>Ids are unique per kind (R5), so a stream is named by its kind and id together.</summary>
public readonly record struct StreamRef(StreamKind Kind, string Id)
{
    public static StreamRef Account(string id) => new(StreamKind.Account, id);
    public static StreamRef Ticket(string id) => new(StreamKind.Ticket, id);
    public static StreamRef TroubleTicket(string id) => new(StreamKind.TroubleTicket, id);

    public static StreamRef Incident(string id) => new(StreamKind.Incident, id);

    /// <summary>R14: the one holiday calendar of the deployment.</summary>
    public static StreamRef Calendar { get; } = new(StreamKind.Calendar, "holidays");

    public override string ToString() => $"{Kind}:{Id}";
}

public sealed record Emitted(StreamRef Stream, object Event);
