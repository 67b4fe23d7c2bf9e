using System.Runtime.CompilerServices;
using Npgsql;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// First-use costs of a query verb's read, paid on the second core while the first configures the document store: the
/// JSON contracts of what the verb reads and prints, the time-zone database and the calendar's rules, and a pooled
/// connection (PostgreSQL's types loaded with it). docs/decisions.md, "Start-up".
/// </summary>
internal static class QueryWarmUp
{
    public static Task PrimeAsync(IEnumerable<Type> jsonTypes) => Task.Run(() =>
    {
        RuntimeHelpers.RunClassConstructor(typeof(PolicyTime).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(HolidayCalendar).TypeHandle);
        JsonContracts.Prime(jsonTypes);
    });

    /// <summary>Opens and returns a pooled connection; a failure is the verb's, reported as it would have met it.</summary>
    public static Task OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct) => Task.Run(async () =>
        await (await dataSource.OpenConnectionAsync(ct)).DisposeAsync(), ct);
}
