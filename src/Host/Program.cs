using Spiisee.EventSourced.Host.Cli;

namespace Spiisee.EventSourced.Host;

public partial class Program
{
    // Help and the verbs never build the web host: they answer fast and without framework noise.
    public static async Task<int> Main(string[] args)
    {
        if (CliHelp.IsRequested(args))
        {
            return await CliHelp.ShowAsync(args, Console.Error);
        }
        if (args is [var first, ..] && CommandCatalog.IsVerb(first))
        {
            return await CliApp.RunAsync(args, Console.Out, Console.Error);
        }
        return await HostCommands.RunAsync(args);
    }
}
