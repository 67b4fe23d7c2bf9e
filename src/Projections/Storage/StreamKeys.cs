using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Ids are unique per kind only (R5), so a ticket and a trouble ticket may share an id: Marten stream keys carry
/// the kind as a prefix.
/// </summary>
public static class StreamKeys
{
    public static string For(StreamRef stream) => stream.Kind switch
    {
        StreamKind.Account => "account/" + stream.Id,
        StreamKind.Ticket => "ticket/" + stream.Id,
        StreamKind.TroubleTicket => "trouble-ticket/" + stream.Id,
        StreamKind.Calendar => "calendar/" + stream.Id,
        StreamKind.Incident => "incident/" + stream.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(stream)),
    };

    public static StreamRef Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var id = key[(slash + 1)..];
        return key[..slash] switch
        {
            "account" => StreamRef.Account(id),
            "ticket" => StreamRef.Ticket(id),
            "trouble-ticket" => StreamRef.TroubleTicket(id),
            "calendar" when id == StreamRef.Calendar.Id => StreamRef.Calendar,
            "incident" => StreamRef.Incident(id),
            _ => throw new FormatException($"Not a stream key: {key}"),
        };
    }
}
