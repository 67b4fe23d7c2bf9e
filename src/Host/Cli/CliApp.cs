using Marten;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NodaTime;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// The Host's own verbs (interfaces.md). They run against the store directly, without starting the web host;
/// anything else goes to JasperFx's command line (run, projections, db-apply, ...).
/// </summary>
public static class CliApp
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "import", "statement", "account", "history", "timeline", "report" };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null, CancellationToken ct = default)
    {
        try
        {
            var settings = SpiiseeSettings.From(configuration ?? SpiiseeSettings.Build(args));
            using var store = CreateStore(settings);
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "import" => await ImportVerb.RunAsync(store, settings, new CliArguments(rest), stdout, stderr, ct),
                "statement" => await StatementVerb.RunAsync(store, settings, new CliArguments(rest, "account", "month", "format", "as-of"), stdout, ct),
                "account" => await AccountVerb.RunAsync(store, new CliArguments(rest), stdout, ct),
                "history" => await HistoryVerb.RunAsync(store, new CliArguments(rest, "as-of", "version", "kind"), stdout, ct),
                "timeline" => await TimelineVerb.RunAsync(store, new CliArguments(rest, "kind"), stdout, ct),
                "report" => await ReportVerb.RunAsync(store, settings, new CliArguments(rest, "from", "to", "format"), stdout, ct),
                _ => throw new CliException(ExitCodes.Usage, $"unknown verb {args[0]}"),
            };
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (ConfigurationException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (IsDatabaseUnavailable(e))
        {
            await stderr.WriteLineAsync($"error: the database cannot be reached ({Innermost(e).Message}); check ConnectionStrings__Spiisee or run ./scripts/run.sh");
            return ExitCodes.Unavailable;
        }
    }

    private static Marten.DocumentStore CreateStore(SpiiseeSettings settings)
    {
        try
        {
            return StoreConfiguration.Create(settings.RequireConnectionString(), settings.Calendar, settings.Schema);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(ExitCodes.Config, $"ConnectionStrings__Spiisee is not a valid connection string: {e.Message}");
        }
    }

    public static Instant Now => SystemClock.Instance.GetCurrentInstant();

    private static bool IsDatabaseUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    public static async Task EnsureSchemaAsync(IDocumentStore store, CancellationToken ct) =>
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
}
