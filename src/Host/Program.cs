using Spiisee.EventSourced.Host.Cli;

namespace Spiisee.EventSourced.Host;

public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && CliApp.Verbs.Contains(args[0]))
        {
            return await CliApp.RunAsync(args, Console.Out, Console.Error);
        }
        return 0;
    }
}
