namespace Spiisee.EventSourced.Projections.Commands;

/// <summary>Marten's and JasperFx's ways of saying another writer got there first.</summary>
public static class ConcurrencyFailures
{
    private static readonly string[] Names =
    [
        "ConcurrencyException", "EventStreamUnexpectedMaxEventIdException", "ExistingStreamIdCollisionException",
        "DocumentAlreadyExistsException", "ConcurrentUpdateException",
    ];

    public static bool IsConcurrencyFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (Names.Any(n => x.GetType().Name.Contains(n, StringComparison.Ordinal)))
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
