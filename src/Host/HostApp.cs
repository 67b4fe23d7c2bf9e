using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Daemon;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Spiisee.EventSourced.Host.Api;
using Spiisee.EventSourced.Host.Auth;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Storage;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Newtonsoft;

namespace Spiisee.EventSourced.Host;

/// <summary>The API host: Marten with its daemon, Wolverine for commands and HTTP endpoints, API keys, OpenAPI, health, telemetry.</summary>
public static class HostApp
{
    /// <param name="args">Command-line arguments, read as configuration too.</param>
    /// <param name="configure">Runs last before the host is built: tests replace services (the clock) here.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddShippedDefaults(builder.Configuration);
        var settings = SpiiseeSettings.From(builder.Configuration);
        var connection = settings.ConnectionString
            ?? throw new ConfigurationException(ExitCodes.Unavailable, "no database configured: set ConnectionStrings__Spiisee (./scripts/run.sh provides one)");

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<ICommandExecutor, CommandService>();
        builder.Services.AddSingleton<ApiKeyRegistry>();
        builder.Services.AddSingleton(s => new StatementCache(s.GetRequiredService<Marten.IDocumentStore>(), connection, ConfigValues.Number(builder.Configuration, "Statements:CacheMegabytes", 64, 0, 1L << 20),
            s.GetRequiredService<ILogger<StatementCache>>()));
        builder.Services.AddSingleton(new ExportSlots(ConfigValues.Int(builder.Configuration, "Reports:MaxConcurrentExports", 4, 1, 1_000)));

        // Production serves the schema as db-apply left it; elsewhere the host creates or migrates it at start.
        var production = builder.Environment.IsProduction();
        if (production)
        {
            builder.Services.AddHostedService<SchemaCheck>();
        }
        builder.Services.AddHostedService<CalendarSeeding>();
        builder.Services.AddHostedService<StatementCache.WarmUp>();
        var smtp = Notices.SmtpSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(smtp);
        builder.Services.AddSingleton<Notices.NoticeMailer>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Notices:RetryDelaysSeconds").Get<double[]>() is { Length: > 0 } delays
            ? new Notices.NoticeRetries(delays.Select(TimeSpan.FromSeconds).ToList())
            : Notices.NoticeRetries.Default);
        builder.Services.AddHostedService<Notices.NoticeStartup>();
        var marten = builder.Services.AddMarten(opts =>
            {
                StoreConfiguration.Configure(opts, connection, settings.Schema,
                    production ? JasperFx.AutoCreate.None : JasperFx.AutoCreate.CreateOrUpdate);
                // Marten emits spans and counters only when asked: connection spans and appended-event counts.
                opts.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            // HotCold: with several hosts on one database exactly one runs each shard (the notice subscription among them).
            .AddAsyncDaemon(DaemonMode.HotCold)
            // R15: incident events become notice deliveries and durable SendNotice messages, whoever recorded them.
            .SubscribeToEvents(new Notices.IncidentNoticeSubscription());
        if (!production)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }
        builder.Services.ConfigureMarten((services, opts) =>
            opts.Logger(new MartenLog(services.GetRequiredService<ILoggerFactory>().CreateLogger("Marten"))));

        builder.Host.UseWolverine(opts =>
        {
            // Messages that leave the process (none yet) would travel in the same JSON as stored events.
            opts.UseNewtonsoftForSerialization(s =>
            {
                NodaTime.Serialization.JsonNet.Extensions.ConfigureForNodaTime(s, DateTimeZoneProviders.Tzdb);
                s.Converters.Add(new Newtonsoft.Json.Converters.StringEnumConverter());
            });
            opts.Discovery.IncludeAssembly(typeof(HostApp).Assembly);
            // Notices are mailed from a durable local queue: persisted in PostgreSQL until handled, recovered after a crash.
            // One at a time, in the order decided, so a contact reads the declaration before its update and resolution.
            opts.PublishMessage<Notices.SendNotice>().ToLocalQueue("notices").UseDurableInbox().Sequential();
            // Handlers and endpoints are compiled ahead of time (src/Host/Internal/Generated, written by `codegen write`):
            // generating them at run time cost seconds on the first request. Development regenerates what is missing;
            // elsewhere a missing type is an error at start, so a stale build never serves.
            opts.CodeGeneration.TypeLoadMode = builder.Environment.IsDevelopment() ? JasperFx.CodeGeneration.TypeLoadMode.Auto : JasperFx.CodeGeneration.TypeLoadMode.Static;
        });
        builder.Services.AddWolverineHttp();

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = JournalEndpoint.MaxJournalBytes;
            k.AddServerHeader = false;
        });
        builder.Services.AddRateLimiter(o => RateLimits.Configure(o, builder.Configuration));
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ActiveContactAuthorization>();

        builder.Services.AddOpenApi(OpenApiTransformers.Configure);
        builder.Services.AddHealthChecks()
            .AddNpgSql(connection, name: "postgresql")
            // Marten's own check: unhealthy when an asynchronous projection falls more than this many events behind.
            .AddMartenAsyncDaemonHealthCheck(maxEventLag: 10_000)
            .AddCheck<Configuration.NodeRole>("node-role");
        // Where telemetry goes is the deployment's choice, made with the standard OTEL_* variables. Without an exporter
        // the SDK is not registered at all: it would record every request's spans and metrics for no one (its
        // activities are sampled in whether or not anything exports them). The sources stay wired, so a listener
        // attached later (dotnet-trace, dotnet-counters, a test) still sees them.
        if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { } endpoint && !string.IsNullOrWhiteSpace(endpoint))
        {
            // The SDK drops an endpoint it cannot read and exports to localhost's default port, saying nothing.
            if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationException(ExitCodes.Config, $"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an http or https address");
            }
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Wolverine").AddSource("Marten"))
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Wolverine").AddMeter("Marten").AddMeter("Spiisee.EventSourced.Statements"))
                .UseOtlpExporter();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        // Made now rather than at the first request, so a mistyped key or limit stops the host at start (exit 78).
        app.Services.GetRequiredService<ApiKeyRegistry>();
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>>().Value;
        app.UseMiddleware<ResponseHeaders>();
        app.UseAuthentication();
        app.UseMiddleware<CallerLogScope>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = Configuration.NodeRole.WriteAsync })
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymous();
        app.MapCommands();
        app.MapWolverineEndpoints(opts =>
        {
            opts.MapConcurrencyFailuresToConflict(_ => true, _ => new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent update",
                Detail = "Another writer changed the same records; try again.",
            });
        });
        return app;
    }

    // Started from the repository (scripts/run.sh), the content root is not the output folder, so appsettings.json
    // (log levels, JSON logs, schema) would be missed. The shipped file goes in first: everything else overrides it.
    private static void AddShippedDefaults(ConfigurationManager configuration)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(shipped))
        {
            return;
        }
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = shipped, Optional = true };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
