using JasperFx;
using Spiisee.EventSourced.Host.Cli;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host;

public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [var first, ..] && CommandCatalog.IsVerb(first))
        {
            return await CliApp.RunAsync(args, Console.Out, Console.Error);
        }
        try
        {
            var app = HostApp.Build(args);
            return await app.RunJasperFxCommands(args);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
