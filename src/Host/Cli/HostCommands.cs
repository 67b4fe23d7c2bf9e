using JasperFx.CommandLine;
using JasperFx.CommandLine.Parsing;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// What is not a verb runs on the web host: no command (only settings such as --urls) serves the API; anything else is
/// one of JasperFx's commands (run, projections, db-apply, codegen, ...).
/// </summary>
public static class HostCommands
{
    // JasperFx's run takes none of ASP.NET's own settings, so `run --urls ...` has always meant "just serve".
    private static readonly string[] AspNetFlags = ["--urls", "--http_ports", "--https_ports"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args is [] || args[0].StartsWith('-') || (args[0].Equals("run", StringComparison.OrdinalIgnoreCase) && args.Any(IsAspNetFlag)))
            {
                await HostApp.Build(args).RunAsync();
                return ExitCodes.Ok;
            }
            var factory = CommandCatalog.All();
            if (!factory.Knows(args[0]))
            {
                throw CommandCatalog.Unknown(args[0]);
            }
            var command = factory.Build(args[0]);
            var input = Parse(command, args);
            if (input is IHostBuilderInput hosted)
            {
                hosted.HostBuilder = new DeferredHostBuilder(args);
            }
            return await command.Execute(input) ? ExitCodes.Ok : 1;
        }
        catch (Exception e)
        {
            return await CliErrors.ReportAsync(e, Console.Error);
        }
    }

    // JasperFx's own parse would answer with an exception's stack trace and the whole usage; one line says enough.
    private static object Parse(IJasperFxCommand command, string[] args)
    {
        try
        {
            return command.Usages.BuildInput(new Queue<string>(ArgPreprocessor.Process(args[1..])), new ActivatorCommandCreator());
        }
        catch (Exception e)
        {
            var name = command.Usages.CommandName;
            throw new CliException(ExitCodes.Usage, $"{(e.Message.Length > 0 ? e.Message.TrimEnd('.') : "these arguments do not fit")}; help {name} shows its usage");
        }
    }

    private static bool IsAspNetFlag(string arg) =>
        AspNetFlags.Any(f => arg.Equals(f, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(f + "=", StringComparison.OrdinalIgnoreCase));
}
