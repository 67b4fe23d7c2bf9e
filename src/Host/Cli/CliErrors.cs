using Npgsql;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>How a command's failure is told: one line on stderr, never a stack trace, with a sysexits code scripts can test.</summary>
public static class CliErrors
{
    /// <returns>The exit code: the failure's own, 69 when the database cannot be reached, 1 for anything unforeseen.</returns>
    public static async Task<int> ReportAsync(Exception e, TextWriter stderr)
    {
        var (code, message) = e switch
        {
            CliException c => (c.ExitCode, c.Message),
            ConfigurationException c => (c.ExitCode, c.Message),
            // Query verbs do not create the schema (they skip Marten's check to start fast): say what to run.
            _ when Innermost(e) is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName } => (ExitCodes.Unavailable,
                "the store has no schema here yet: import a journal or run db-apply first (check Storage__Schema)"),
            _ when Innermost(e) is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } or IOException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } }
                => (ExitCodes.Unavailable, $"the host's address is already in use ({Innermost(e).Message}); set SPIISEE_PORT or --urls to a free port"),
            // The server answered: it is reachable, and refused this (two processes creating one schema at once, say).
            _ when Innermost(e) is PostgresException pg => (ExitCodes.Unavailable,
                $"the database refused the command ({pg.SqlState}: {pg.MessageText})"),
            _ when IsDatabaseUnavailable(e) => (ExitCodes.Unavailable,
                $"the database cannot be reached ({Innermost(e).Message}); check ConnectionStrings__Spiisee or run ./scripts/run.sh"),
            _ => (1, Innermost(e).Message),
        };
        await stderr.WriteLineAsync($"error: {message}");
        return code;
    }

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
}
