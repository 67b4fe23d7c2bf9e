using JasperFx.CommandLine;
using JasperFx.CommandLine.Commands;
using Spectre.Console;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>The JasperFx commands the Host answers to: its own verbs, and JasperFx's (run, projections, db-apply, ...).</summary>
public static class CommandCatalog
{
    private static readonly Type[] VerbTypes = typeof(CommandCatalog).Assembly.GetExportedTypes()
        .Where(t => t.IsAssignableTo(typeof(IVerbCommand)) && CommandFactory.IsJasperFxCommandType(t))
        .ToArray();

    public static bool IsVerb(string name) => VerbTypes.Any(t => CommandFactory.CommandNameFor(t) == name.ToLowerInvariant());

    /// <summary>The verbs alone: running or explaining one need not load Marten's and Wolverine's commands.</summary>
    public static CommandFactory Verbs()
    {
        var factory = new CommandFactory();
        foreach (var type in VerbTypes)
        {
            factory.RegisterCommand(type);
        }
        return factory;
    }

    /// <summary>Every command: JasperFx's own, the Host's, and those of the extension assemblies (Marten, Wolverine, ...).</summary>
    public static CommandFactory All()
    {
        var factory = new CommandFactory();
        factory.RegisterCommands(typeof(RunCommand).Assembly);
        factory.RegisterCommands(typeof(CommandCatalog).Assembly);
        // JasperFx announces each assembly it searches ("Searching 'Marten, ...' for commands") on stdout, where data goes.
        var console = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        try
        {
            factory.RegisterCommandsFromExtensionAssemblies();
        }
        finally
        {
            AnsiConsole.Console = console;
        }
        return factory;
    }

    public static bool Knows(this CommandFactory factory, string name) =>
        factory.AllCommandTypes().Any(t => CommandFactory.CommandNameFor(t) == name.ToLowerInvariant());

    public static CliException Unknown(string name) => new(ExitCodes.Usage, $"unknown command '{name}' (help lists the commands)");
}
