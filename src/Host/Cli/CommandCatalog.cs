using JasperFx.CommandLine;

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
}
