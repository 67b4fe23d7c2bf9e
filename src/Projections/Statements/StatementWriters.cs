namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// One writer at a time per account's statement documents. The inline statement projections read the account's documents
/// and writes it back inside the transaction that appends the events; two transactions appending to different streams
/// of one account (two trouble tickets approved at once, a rate change beside an approval) would each read the same
/// document and the later commit would erase the earlier one's effect. A transaction that stages a statement input
/// therefore takes a PostgreSQL transaction-scoped advisory lock per account before Marten loads the document, so
/// the second writer reads the first one's committed document. The lock is the database's, so it holds across hosts.
/// </summary>
public static class StatementWriters
{
    /// <summary>
    /// Waits for the statement lock of every account the events touch, inside the session's transaction (see
    /// <see cref="Commands.WriteSession"/>). Locks are taken in hash order within one statement, so two transactions
    /// locking several accounts cannot deadlock. Must run before SaveChanges, which is where Marten loads the documents
    /// the inline projection updates.
    /// </summary>
    public static async Task LockAsync(Commands.WriteSession write, IEnumerable<object> events, CancellationToken ct)
    {
        var accounts = events.Select(StatementInputEvents.AccountOf).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (accounts.Length == 0)
        {
            return;
        }
        await using var command = write.Command(
            "select count(pg_advisory_xact_lock(h)) from (select distinct hashtextextended('statements/' || a, 0) as h from unnest(@accounts) as a order by h) as locks");
        command.Parameters.AddWithValue("accounts", accounts);
        await command.ExecuteScalarAsync(ct);
    }
}
