using JasperFx.CommandLine;
using JasperFx.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// Runs the Host's verbs (interfaces.md) against the store directly, without starting the web host: JasperFx's parser
/// reads the arguments into the verb's input, and every failure is one line on stderr with its sysexits code.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null, CancellationToken ct = default)
    {
        object input;
        IVerbCommand verb;
        // Marten's options take a tenth of a second to make and need nothing from the arguments: made on the other core
        // while this one reads them.
        var options = Task.Run(() => new Marten.StoreOptions(), ct);
        try
        {
            verb = args is [var name, ..] && CommandCatalog.IsVerb(name)
                ? CommandCatalog.Create(name)
                : throw new CliException(ExitCodes.Usage, $"unknown verb {args.FirstOrDefault()}");
            input = Parse(verb, args[1..]);
        }
        catch (CliException e)
        {
            return await CliErrors.ReportAsync(e, stderr);
        }
        return await ExecuteAsync(verb, input, stdout, stderr, configuration, ct, options);
    }

    public static Task<int> ExecuteAsync(IVerbCommand verb, object input, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null, CancellationToken ct = default) =>
        ExecuteAsync(verb, input, stdout, stderr, configuration, ct, null);

    private static async Task<int> ExecuteAsync(IVerbCommand verb, object input, TextWriter stdout, TextWriter stderr, IConfiguration? configuration,
        CancellationToken ct, Task<Marten.StoreOptions>? options)
    {
        try
        {
            if (!verb.ReadsOnly(input))
            {
                var settings = SpiiseeSettings.From(configuration ?? SpiiseeSettings.Build());
                using var store = CreateStore(settings, verb is ImportCommand or RebuildCommand ? JasperFx.AutoCreate.CreateOrUpdate : JasperFx.AutoCreate.None);
                return await verb.RunAsync(input, new VerbContext(store, settings, stdout, stderr, ct));
            }
            // A query: the store is configured here while the other core reads the settings, starts opening a connection
            // and makes the serializer. A failed open is reported as it is, not met again by the verb: a server that
            // never answers costs one timeout, not two.
            options ??= Task.Run(() => new Marten.StoreOptions(), ct);
            var primed = QueryWarmUp.PrimeAsync(verb.JsonTypes);
            var connecting = Task.Run(() =>
            {
                var settings = SpiiseeSettings.From(configuration ?? SpiiseeSettings.Build());
                var dataSource = CreateDataSource(settings);
                return (settings, dataSource, QueryWarmUp.OpenAsync(dataSource, ct), new NewtonsoftMartenSerializer());
            }, ct);
            var (querySettings, source, opened, serializer) = await connecting;
            await using var dataSource = source;
            var queryOptions = await options;
            using var queries = FromConnectionString(() => StoreConfiguration.CreateForQueries(dataSource, querySettings.Schema, queryOptions, serializer));
            await Task.WhenAll(primed, opened);
            return await verb.RunAsync(input, new VerbContext(queries, querySettings, stdout, stderr, ct));
        }
        catch (Exception e)
        {
            return await CliErrors.ReportAsync(e, stderr);
        }
    }

    /// <summary>JasperFx's parser, with its complaints told the way the verbs always told them.</summary>
    private static object Parse(IVerbCommand verb, string[] args)
    {
        var tokens = new Queue<string>(args.SelectMany(SplitAssignment));
        try
        {
            return verb.Usages.BuildInput(tokens, new ActivatorCommandCreator());
        }
        catch (InvalidUsageException e)
        {
            var message = tokens.TryPeek(out var stuck)
                ? stuck.StartsWith('-')
                    ? $"unknown option {stuck}; known: {Options(verb)}"
                    : $"unexpected argument '{stuck}'"
                : e.Message.Length > 0
                    ? $"{args[^1]} needs a value" // the parser ran out of tokens after a flag
                    : $"{string.Join(" and ", verb.Usages.Arguments.Select(a => a.Description))} is required";
            throw new CliException(ExitCodes.Usage, message);
        }
    }

    // `--month=2026-03` reads as `--month 2026-03`; only the first '=' splits, ids may hold more.
    private static IEnumerable<string> SplitAssignment(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq
            ? [arg[..eq], arg[(eq + 1)..]]
            : [arg];

    // The handlers may be generated at build time (JasperFx.SourceGenerator) and hide their aliases; the input's members
    // carry them either way.
    private static string Options(IVerbCommand verb)
    {
        var names = verb.Usages.Flags
            .Select(f => InputParser.ToFlagAliases(verb.InputType.GetMember(f.MemberName)[0]).LongForm)
            .ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static NpgsqlDataSource CreateDataSource(SpiiseeSettings settings) =>
        FromConnectionString(() => NpgsqlDataSource.Create(StoreConfiguration.WithAutoPrepare(settings.RequireConnectionString())));

    private static Marten.DocumentStore CreateStore(SpiiseeSettings settings, JasperFx.AutoCreate autoCreate) =>
        FromConnectionString(() => StoreConfiguration.Create(settings.RequireConnectionString(), settings.Schema, autoCreate));

    /// <summary>Npgsql, and Marten reading the hosts again, refuse a bad connection string with an ArgumentException.</summary>
    private static T FromConnectionString<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(ExitCodes.Config, $"ConnectionStrings__Spiisee is not a valid connection string: {e.Message}");
        }
    }
}
