using Marten;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>A fresh schema and document store per test class instance, dropped afterwards.</summary>
public abstract class StoreTestBase(PostgresDatabase database) : IAsyncLifetime
{
    protected PostgresDatabase Database { get; } = database;

    protected string Schema { get; } = PostgresDatabase.NewSchemaName();


    protected DocumentStore Store { get; private set; } = null!;

    /// <summary>
    /// The example of shared/examples, kept in the repository (samples/ and samples/expected/) so a clone alone can
    /// run the tests; <c>ExampleCopiesTests</c> checks the copies against shared/ where it is present.
    /// </summary>
    public static string SamplePath(string file) => Path.Combine(RepoRoot, "samples", file);

    public static string ExpectedPath(string file) => Path.Combine(RepoRoot, "samples", "expected", file);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiisee.EventSourced.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public virtual async Task InitializeAsync()
    {
        Store = StoreConfiguration.Create(Database.ConnectionString, Schema);
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public virtual async Task DisposeAsync()
    {
        Store.Dispose();
        await Database.DropSchemaAsync(Schema);
    }

    protected async Task<(IReadOnlyList<LineResult> Results, ImportSummary Summary)> ImportAsync(string journal, int batchSize = JournalImporter.DefaultBatchSize)
    {
        var results = new List<LineResult>();
        var importer = new JournalImporter(Store, Actor.System("journal"), batchSize);
        var summary = await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(journal)), r => { results.Add(r); return ValueTask.CompletedTask; }, null, CancellationToken.None);
        return (results, summary);
    }

    protected static string ExampleJournal => File.ReadAllText(SamplePath("march-outage.jsonl"));
}
