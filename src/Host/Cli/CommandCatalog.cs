using JasperFx.CommandLine;
using JasperFx.CommandLine.Commands;
using Spectre.Console;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>The JasperFx commands the Host answers to: its own verbs, and JasperFx's (run, projections, db-apply, ...).</summary>
public static class CommandCatalog
{
    /// <summary>
    /// The Host's verbs by the names JasperFx gives them (a test holds the two equal and the list complete). Listed, not
    /// found by scanning the assembly and matching JasperFx's name pattern: that took 45 ms of every CLI call.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> VerbTypes { get; } = new Dictionary<string, Type>
    {
        ["account"] = typeof(AccountCommand),
        ["calendar"] = typeof(CalendarCommand),
        ["history"] = typeof(HistoryCommand),
        ["import"] = typeof(ImportCommand),
        ["rebuild"] = typeof(RebuildCommand),
        ["report"] = typeof(ReportCommand),
        ["statement"] = typeof(StatementCommand),
        ["timeline"] = typeof(TimelineCommand),
        ["what-if"] = typeof(WhatIfCommand),
    };

    public static bool IsVerb(string name) => VerbTypes.ContainsKey(name.ToLowerInvariant());

    /// <summary>A new instance of the verb <paramref name="name"/>, which <see cref="IsVerb"/> knows.</summary>
    public static IVerbCommand Create(string name) => (IVerbCommand)Activator.CreateInstance(VerbTypes[name.ToLowerInvariant()])!;

    /// <summary>The verbs alone: running or explaining one need not load Marten's and Wolverine's commands.</summary>
    public static CommandFactory Verbs()
    {
        var factory = new CommandFactory();
        foreach (var type in VerbTypes.Values)
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
