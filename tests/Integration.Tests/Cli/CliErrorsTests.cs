using Npgsql;
using Spiisee.EventSourced.Host.Cli;

namespace Spiisee.EventSourced.Integration.Tests.Cli;

/// <summary>How a failure is told on stderr, with the exit code scripts test.</summary>
public class CliErrorsTests
{
    [Fact] // A server that answered is reachable: its refusal is told as a refusal, not as a database out of reach.
    public async Task A_refusal_by_the_database_is_not_told_as_unreachable()
    {
        // Given Marten's failure when another process created the same table a moment before
        var failure = new InvalidOperationException("schema", new PostgresException("relation \"mt_doc_x_idx\" already exists", "ERROR", "ERROR", PostgresErrorCodes.DuplicateTable));
        var stderr = new StringWriter();

        // When it is reported
        var code = await CliErrors.ReportAsync(failure, stderr);

        // Then it says what the database said
        code.ShouldBe(69);
        stderr.ToString().ShouldBe("error: the database refused the command (42P07: relation \"mt_doc_x_idx\" already exists)" + Environment.NewLine);
    }
}
