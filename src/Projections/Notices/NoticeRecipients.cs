using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Events;
using NodaTime;
using Spiisee.EventSourced.Domain.Accounts;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Projections.Notices;

/// <summary>
/// R15's recipients: the authorized contacts (R5) of the affected accounts as authorized at the notice's instant, read
/// a page of accounts at a time with one query for their contact events, never every account at once.
/// </summary>
public static class NoticeRecipients
{
    public const int AccountsPerPage = 500;

    /// <summary>The affected accounts in id order, a page at a time: the listed ones, or every account.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> AccountPagesAsync(IQuerySession session, IReadOnlyList<string>? listed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (listed is not null)
        {
            foreach (var chunk in listed.Order(StringComparer.Ordinal).Chunk(AccountsPerPage))
            {
                yield return chunk;
            }
            yield break;
        }
        var after = "";
        while (true)
        {
            // Keyset paging: ids are never empty, so "after the empty string" is the first page.
            var page = await session.Query<AccountTerms>().Where(a => string.Compare(a.Id, after) > 0)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(AccountsPerPage).ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }
            yield return page;
            after = page[^1];
        }
    }

    /// <summary>Each account's contacts authorized at the instant, from the page's contact events in stored order.</summary>
    public static async Task<IReadOnlyList<(string AccountId, string ContactId)>> AuthorizedAtAsync(IQuerySession session, IReadOnlyList<string> accounts,
        Instant at, CancellationToken ct)
    {
        var keys = accounts.Select(a => StreamKeys.For(StreamRef.Account(a))).ToArray();
        var types = new[] { typeof(ContactAuthorized), typeof(ContactRevoked) };
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey.IsOneOf(keys) && e.EventTypesAre(types))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var contacts = new SortedSet<(string, string)>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case ContactAuthorized a when a.At <= at:
                    contacts.Add((a.AccountId, a.ContactId));
                    break;
                case ContactRevoked r when r.At <= at:
                    contacts.Remove((r.AccountId, r.ContactId));
                    break;
            }
        }
        return contacts.ToList();
    }

    public static string DeliveryId(string incidentId, long version, string accountId, string contactId) =>
        "N-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{incidentId}\n{version}\n{accountId}\n{contactId}")))[..32];
}
