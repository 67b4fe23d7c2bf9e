using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// The streams a ticket id given to `history` or `timeline` may name. Ids are unique per kind only, so without --kind
/// both kinds are looked up and <see cref="One{T}"/> insists on exactly one.
/// </summary>
public static class TicketLookup
{
    public static StreamRef[] Candidates(string id, string? kind) => kind switch
    {
        null => [StreamRef.Ticket(id), StreamRef.TroubleTicket(id)],
        "ticket" => [StreamRef.Ticket(id)],
        "trouble-ticket" => [StreamRef.TroubleTicket(id)],
        var k => throw new CliException(ExitCodes.Usage, $"--kind must be ticket or trouble-ticket, not {k}"),
    };

    public static T One<T>(IReadOnlyList<T> found, string id) => found.Count switch
    {
        0 => throw new CliException(ExitCodes.DataError, $"no ticket or trouble ticket '{id}'"),
        > 1 => throw new CliException(ExitCodes.Usage, $"'{id}' is both a ticket and a trouble ticket: add --kind ticket or --kind trouble-ticket"),
        _ => found[0],
    };
}
