namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Marten's and JasperFx's ways of saying another writer got there first, recognised by their types (and one of PostgreSQL's).</summary>
public static class ConcurrencyFailures
{
    public static bool IsConcurrencyFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is JasperFx.ConcurrencyException
                or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.ExistingStreamIdCollisionException
                or Marten.Exceptions.ExistingStreamIdCollisionException
                or JasperFx.DocumentAlreadyExistsException
                or Marten.Exceptions.ConcurrentUpdateException)
            {
                return true;
            }
            // The import writes its records with one statement of its own (AppliedCommandRecords), which PostgreSQL
            // refuses as a unique violation where Marten's insert would have said DocumentAlreadyExists.
            if (x is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: Journal.AppliedCommandRecords.PrimaryKey })
            {
                return true;
            }
            // PostgreSQL chose this transaction as a deadlock's victim, or (under a stricter isolation level than ours)
            // could not serialize it: nothing was written, and the same work done again will pass.
            if (x is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
            if (x is AggregateException agg && agg.InnerExceptions.Any(IsConcurrencyFailure))
            {
                return true;
            }
        }
        return false;
    }
}
