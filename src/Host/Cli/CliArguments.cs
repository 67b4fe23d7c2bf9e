using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>A verb's positional arguments and --options.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public CliArguments(IEnumerable<string> args, params string[] knownOptions)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                string value;
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!e.MoveNext())
                {
                    throw new CliException(ExitCodes.Usage, $"--{name} needs a value");
                }
                else
                {
                    value = e.Current;
                }
                if (!knownOptions.Contains(name))
                {
                    throw new CliException(ExitCodes.Usage, $"unknown option --{name}; known: {string.Join(", ", knownOptions.Select(o => "--" + o))}");
                }
                _options[name] = value;
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>An instant option, read as the journal reads instants (R1: an offset is required).</summary>
    public NodaTime.Instant? Instant(string name)
    {
        if (Option(name) is not { } text)
        {
            return null;
        }
        try
        {
            return CommandReader.ParseInstant(text, name);
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
    }

    /// <summary>
    /// The streams a ticket id given to `history` or `timeline` may name. Ids are unique per kind only, so without
    /// --kind both kinds are looked up and <see cref="OneTicket{T}"/> insists on exactly one.
    /// </summary>
    public StreamRef[] TicketCandidates(string id) => Option("kind") switch
    {
        null => [StreamRef.Ticket(id), StreamRef.TroubleTicket(id)],
        "ticket" => [StreamRef.Ticket(id)],
        "trouble-ticket" => [StreamRef.TroubleTicket(id)],
        var k => throw new CliException(ExitCodes.Usage, $"--kind must be ticket or trouble-ticket, not {k}"),
    };

    public static T OneTicket<T>(IReadOnlyList<T> found, string id) => found.Count switch
    {
        0 => throw new CliException(ExitCodes.DataError, $"no ticket or trouble ticket '{id}'"),
        > 1 => throw new CliException(ExitCodes.Usage, $"'{id}' is both a ticket and a trouble ticket: add --kind ticket or --kind trouble-ticket"),
        _ => found[0],
    };

    public string Required(string name) => Option(name) ?? throw new CliException(ExitCodes.Usage, $"--{name} is required");

    public string Positional0(string what) => _positional.Count > 0 ? _positional[0] : throw new CliException(ExitCodes.Usage, $"{what} is required");
}
