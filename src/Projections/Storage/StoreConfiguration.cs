using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Incidents;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>The Marten set-up shared by the host, the CLI verbs and the tests.</summary>
public static class StoreConfiguration
{
    public const string DefaultSchema = "spiisee";

    /// <param name="autoCreate">
    /// Whether Marten checks and migrates the schema on first use. Read-only callers (the CLI's query verbs) pass
    /// <see cref="AutoCreate.None"/>: that check is most of a short command's time.
    /// </param>
    public static void Configure(StoreOptions opts, string connectionString, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate)
    {
        ConfigureEventStore(opts, connectionString, schema, autoCreate);
        ConfigureDocuments(opts);

        // Inline: a command's transaction updates the statements too, so a query right after a command or an import
        // sees it. Rebuilds still go through the projection daemon.
        opts.Projections.RebuildWithBulkCopy = true;
        opts.Projections.Add(ForRebuilds(new AccountTermsProjection()), ProjectionLifecycle.Inline);
        opts.Projections.Add(ForRebuilds(new MonthlyApprovalsProjection()), ProjectionLifecycle.Inline);
        opts.Projections.Add(ForRebuilds(new TicketTimelineProjection()), ProjectionLifecycle.Inline);
        opts.Projections.Add(ForRebuilds(new TroubleTicketFileProjection()), ProjectionLifecycle.Inline);
        opts.Projections.Add(ForRebuilds(new CalendarRecordProjection()), ProjectionLifecycle.Inline);
        opts.Projections.Add(ForRebuilds(new IncidentFileProjection()), ProjectionLifecycle.Inline);
    }

    /// <summary>
    /// A store that only reads: the event store and the documents, without the projections (nothing it does can run
    /// them) and without Marten's schema check. Registering and validating the projections is a fifth of a short
    /// command's start; the data source is the caller's, so a connection can be opened while the store is built.
    /// </summary>
    /// <param name="options">Fresh options, if the caller made them already (their making takes a while).</param>
    /// <param name="serializer">The serializer, if the caller made it already (for the same reason).</param>
    public static DocumentStore CreateForQueries(NpgsqlDataSource dataSource, string schema = DefaultSchema, StoreOptions? options = null,
        NewtonsoftMartenSerializer? serializer = null)
    {
        var opts = options ?? new StoreOptions();
        opts.Connection(dataSource);
        if (new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).CommandTimeout is > 0 and var timeout)
        {
            opts.CommandTimeout = timeout; // what Connection(string) would have read
        }
        ConfigureEvents(opts, schema, AutoCreate.None, serializer);
        ConfigureDocuments(opts);
        return new DocumentStore(opts);
    }

    /// <summary>The documents: their identities and the indexes their queries use.</summary>
    private static void ConfigureDocuments(StoreOptions opts)
    {
        opts.Schema.For<AppliedCommand>().Identity(x => x.Id);
        opts.Schema.For<AccountTerms>().Identity(x => x.Id);
        opts.Schema.For<MonthlyApprovals>().Identity(x => x.Id).Index(x => x.AccountId).Index(x => x.Month);
        opts.Schema.For<CalendarRecord>().Identity(x => x.Id);
        // A statement's inputs carry their fold counts in columns of their own, so a cached statement is checked without
        // reading (and decompressing) the bodies. Not searched, so not indexed: Schema.For().Duplicate() would add an index.
        // Nullable, so a migration can add the column to tables that already have rows (read as zero, see StatementStamp).
        opts.Policies.ForAllDocuments(m =>
        {
            if (m.DocumentType == typeof(AccountTerms) || m.DocumentType == typeof(MonthlyApprovals) || m.DocumentType == typeof(CalendarRecord))
            {
                m.DuplicateField(nameof(AccountTerms.EventsFolded));
            }
        });
        opts.Schema.For<TroubleTicketFile>().Index(x => x.AccountId);
        opts.Schema.For<TicketTimeline>().Index(x => x.AccountId);
        opts.Schema.For<IncidentFile>().Index(x => x.DeclaredAt);
        opts.Schema.For<Notices.NoticeDelivery>().Identity(x => x.Id).Index(x => x.IncidentId);
    }

    /// <summary>
    /// The event store alone (connection, schema, serializer, stream keys, append mode, event names), with no document
    /// or projection: what every store of the project shares, and all a bare store needs (the bench's append baseline,
    /// a test writing events past the projections).
    /// </summary>
    public static void ConfigureEventStore(StoreOptions opts, string connectionString, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate)
    {
        opts.Connection(WithAutoPrepare(connectionString));
        ConfigureEvents(opts, schema, autoCreate);
    }

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless it says otherwise: PostgreSQL plans an
    /// unprepared statement on every execution, which measured 0.35 ms of a 0.46 ms primary-key read here (pgbench,
    /// simple against prepared); Marten sends the same few statements again and again.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    private static void ConfigureEvents(StoreOptions opts, string schema, AutoCreate autoCreate, NewtonsoftMartenSerializer? serializer = null)
    {
        opts.DatabaseSchemaName = schema;
        opts.Serializer(serializer ?? new NewtonsoftMartenSerializer());
        opts.AutoCreateSchemaObjects = autoCreate;

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // Events carry their own business instants (journal lines are historical), so the server timestamps of the
        // default quick append cost nothing we rely on; quick append is the fastest mode measured here.
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        foreach (var (type, name) in EventTypes.All)
        {
            opts.Events.MapEventType(type, name);
        }
    }

    // Rebuilds replay the whole store through the daemon: larger pages and a cache of the documents being folded cut
    // the round trips per event (measured with bench/Bench import-load), memory stays bounded by both limits.
    private static T ForRebuilds<T>(T projection) where T : JasperFx.Events.Projections.ProjectionBase
    {
        projection.Options.BatchSize = 5_000;
        projection.Options.CacheLimitPerTenant = 10_000;
        projection.Options.RebuildFlushThreshold = 20_000;
        return projection;
    }

    public static DocumentStore Create(string connectionString, string schema = DefaultSchema,
        AutoCreate autoCreate = AutoCreate.CreateOrUpdate) =>
        DocumentStore.For(opts => Configure(opts, connectionString, schema, autoCreate));
}
