using Npgsql;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Journal;

namespace Spiisee.EventSourced.Integration.Tests.Concurrency;

/// <summary>Which failures are another writer's doing (retried), and which are the line's own (split off, Invalid).</summary>
public class ConcurrencyFailureTests
{
    private static PostgresException Refusal(string sqlState, string? constraint = null) =>
        new("refused", "ERROR", "ERROR", sqlState, constraintName: constraint);

    [Theory] // A deadlock's victim and a serialization failure wrote nothing: done again, the work passes.
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    public void A_transaction_the_database_gave_up_on_is_retried(string sqlState)
    {
        // Given the refusal as Marten surfaces it, wrapped
        var failure = new InvalidOperationException("batch failed", Refusal(sqlState));

        // Then it is a concurrency failure
        ConcurrencyFailures.IsConcurrencyFailure(failure).ShouldBeTrue();
    }

    [Fact] // Another import recorded the same line first: retried, then the line is found already applied.
    public void A_record_written_first_by_another_writer_is_a_concurrency_failure() =>
        ConcurrencyFailures.IsConcurrencyFailure(Refusal(PostgresErrorCodes.UniqueViolation, AppliedCommandRecords.PrimaryKey)).ShouldBeTrue();

    [Theory] // A value the database refuses is the line's own fault: never retried as if another writer were in the way.
    [InlineData(PostgresErrorCodes.UniqueViolation, "some_other_key")]
    [InlineData(PostgresErrorCodes.ProgramLimitExceeded, null)]
    [InlineData(PostgresErrorCodes.UntranslatableCharacter, null)]
    public void A_refused_value_is_not_a_concurrency_failure(string sqlState, string? constraint) =>
        ConcurrencyFailures.IsConcurrencyFailure(Refusal(sqlState, constraint)).ShouldBeFalse();
}
