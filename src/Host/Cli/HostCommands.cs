using JasperFx.CommandLine;
using JasperFx.CommandLine.Help;
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
            factory.ConfigureRun = run =>
            {
                if (run.Input is IHostBuilderInput input)
                {
                    input.HostBuilder = new DeferredHostBuilder(args);
                }
            };
            var run = factory.BuildRun(args);
            var succeeded = await run.Execute();
            // JasperFx answers arguments it cannot read with the command's usage (it has said "Invalid usage" already).
            return run.Command is HelpCommand ? ExitCodes.Usage : succeeded ? ExitCodes.Ok : 1;
        }
        catch (Exception e)
        {
            return await CliErrors.ReportAsync(e, Console.Error);
        }
    }

    private static bool IsAspNetFlag(string arg) =>
        AspNetFlags.Any(f => arg.Equals(f, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(f + "=", StringComparison.OrdinalIgnoreCase));
}
