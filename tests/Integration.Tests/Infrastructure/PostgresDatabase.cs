using Npgsql;
using Testcontainers.PostgreSql;

namespace Spiisee.EventSourced.Integration.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL for the whole test run: ConnectionStrings__Spiisee when set (the test script provides a local
/// cluster), else a Testcontainers container. Each test gets its own schema, so tests run in parallel in isolation.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private PostgreSqlContainer? _container;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ConnectionStrings__Spiisee");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ConnectionString = fromEnvironment;
            return;
        }
        try
        {
            _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "No PostgreSQL for the integration tests: set ConnectionStrings__Spiisee to a server's connection string, " +
                "or make Docker available for Testcontainers (or run ./scripts/test.sh, which provides a local server). " +
                $"Testcontainers said: {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static readonly Lazy<Task<PostgresDatabase>> SharedInstance = new(async () =>
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    });

    /// <summary>
    /// The run's database for fixtures that xunit cannot hand the collection's (class fixtures): the same server, started
    /// once; a container started here ends with the test process.
    /// </summary>
    public static Task<PostgresDatabase> SharedAsync() => SharedInstance.Value;

    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N")[..12];

    public async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "postgres";
}
