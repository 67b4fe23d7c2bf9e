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

    public string Required(string name) => Option(name) ?? throw new CliException(ExitCodes.Usage, $"--{name} is required");

    public string Positional0(string what) => _positional.Count > 0 ? _positional[0] : throw new CliException(ExitCodes.Usage, $"{what} is required");
}
