using Spiisee.EventSourced.Integration.Tests.Infrastructure;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>docs/interfaces.md: a Production host refuses a schema that is missing or behind and says to run db-apply.</summary>
[Collection(PostgresCollection.Name)]
public class ProductionSchemaTests(PostgresDatabase database)
{
    [Fact]
    public async Task A_production_host_refuses_a_missing_schema_until_db_apply()
    {
        var schema = PostgresDatabase.NewSchemaName();
        try
        {
            // Given an empty database, when the host starts (Production is the default environment)...
            var (exit, _, stderr) = await HostProcess.RunAsync(database.ConnectionString, schema, "--urls=http://127.0.0.1:0");
            // ...then it stops at once, with the configuration exit code and what to run.
            exit.ShouldBe(78, stderr);
            stderr.ShouldContain("run `db-apply` first");

            // db-apply creates the schema; the store then matches its configuration.
            (await HostProcess.RunAsync(database.ConnectionString, schema, "db-apply")).Exit.ShouldBe(0);
            using var store = Spiisee.EventSourced.Projections.Storage.StoreConfiguration.Create(database.ConnectionString, schema,
                JasperFx.AutoCreate.None);
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
        }
        finally
        {
            await database.DropSchemaAsync(schema);
        }
    }
}
