namespace Spiisee.EventSourced.Host.Api;

/// <summary>
/// Exports stream from an open database connection for as long as the client takes to read them, so a few slow
/// readers could hold the whole connection pool and starve every other request. A host serves at most
/// <c>Reports:MaxConcurrentExports</c> (default 4) at once; the next gets 429 with Retry-After.
/// </summary>
public sealed class ExportSlots(int slots)
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public bool TryEnter() => _slots.Wait(0);

    public void Leave() => _slots.Release();
}
