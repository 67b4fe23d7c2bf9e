using JasperFx.CommandLine;
using JasperFx.CommandLine.Help;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// `help`, `--help`, `help &lt;command&gt;` and `&lt;command&gt; --help`: JasperFx's list of the commands, one line each, or
/// one command's usages, on stdout with exit 0. Neither needs the database or builds the web host.
/// </summary>
public static class CliHelp
{
    private const string AppName = "Spiisee.EventSourced.Host";
    private static readonly string[] Commands = ["help", "?", "--help", "-h", "-?"];
    private static readonly string[] Flags = ["--help", "-h", "-?"];

    public static bool IsRequested(string[] args) =>
        args is [var first, .. var rest] && (Commands.Contains(first.ToLowerInvariant()) || rest.Any(Flags.Contains));

    public static async Task<int> ShowAsync(string[] args, TextWriter stderr)
    {
        var request = (Commands.Contains(args[0].ToLowerInvariant()) ? args[1..] : [args[0]])
            .Where(a => !Flags.Contains(a))
            .ToArray();
        try
        {
            var name = request.FirstOrDefault(a => !a.StartsWith('-'));
            var factory = name is not null && CommandCatalog.IsVerb(name) ? CommandCatalog.Verbs() : CommandCatalog.All();
            if (name is not null && !factory.Knows(name))
            {
                throw CommandCatalog.Unknown(name);
            }
            var run = factory.HelpRun(new Queue<string>(request));
            ((HelpInput)run.Input).AppName = AppName;
            await run.Execute();
            return ExitCodes.Ok;
        }
        catch (InvalidUsageException)
        {
            return await CliErrors.ReportAsync(new CliException(ExitCodes.Usage, "usage: help [<command>] [--json]"), stderr);
        }
        catch (Exception e)
        {
            return await CliErrors.ReportAsync(e, stderr);
        }
    }
}
