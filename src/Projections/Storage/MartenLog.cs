using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spiisee.EventSourced.Projections.Commands;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Marten's command log, told for operators: a write that lost a race is expected (it is decided again, or refused
/// with 409) and logged at Debug; any other failure at Error with the SQL text but never its parameters, which hold
/// account data. Marten's default logged every retried conflict at Error with the whole statement document.
/// </summary>
public sealed partial class MartenLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => LogSchemaChange(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failure(ex, string.Join("; ", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Failure(Exception ex, string what)
    {
        // Marten logs the database's refusal before wrapping it: SQLSTATE MT003 is its stream version check.
        if (ConcurrencyFailures.IsConcurrencyFailure(ex) || StreamVersionMismatch(ex))
        {
            LogConflict(logger, ex.GetType().Name);
            return;
        }
        LogFailed(logger, ex, what.Length > 2_000 ? what[..2_000] + "..." : what);
    }

    private static bool StreamVersionMismatch(Exception? ex) =>
        ex is not null && (ex is PostgresException { SqlState: "MT003" } || StreamVersionMismatch(ex.InnerException));

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema change: {Sql}")]
    private static partial void LogSchemaChange(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A concurrent writer got there first ({Exception}); the write is decided again")]
    private static partial void LogConflict(ILogger logger, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten command failed: {Sql}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sql);
}
