using System.Runtime.CompilerServices;
using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Domain.Time;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Reports;

/// <summary>
/// Reports across accounts for a range of months. Each streams the projected documents once (never the events, never
/// whole tables in memory), so they stay cheap after a rebuild or a calendar change.
/// </summary>
public sealed class ReportService(IQuerySession session, CalendarHistory calendar)
{
    public const int MaxMonths = 240;

    public static IReadOnlyList<YearMonth> Months(YearMonth from, YearMonth to)
    {
        if (to < from)
        {
            throw new ArgumentException("the range ends (to) before it starts (from)");
        }
        var months = new List<YearMonth>();
        for (var m = from; m <= to; m = m.PlusMonths(1))
        {
            months.Add(m);
            if (months.Count > MaxMonths)
            {
                throw new ArgumentException($"a report covers at most {MaxMonths} months");
            }
        }
        return months;
    }

    public async IAsyncEnumerable<AvailabilityRow> AvailabilityAsync(YearMonth from, YearMonth to, [EnumeratorCancellation] CancellationToken ct)
    {
        var months = Months(from, to);
        await foreach (var (terms, approvals) in AccountsAsync(from, to, null, ct))
        {
            foreach (var m in months)
            {
                var s = terms.StatementFor(m, approvals.GetValueOrDefault(MonthKeys.Of(m)), calendar);
                yield return new AvailabilityRow(s.AccountId, MonthKeys.Of(m), s.MinutesInMonth, s.DowntimeMinutes, s.AvailabilityPercent,
                    s.AvailabilityBelowNinetyPercent, s.Calendar);
            }
        }
    }

    public async IAsyncEnumerable<CreditRow> CreditsAsync(YearMonth from, YearMonth to, [EnumeratorCancellation] CancellationToken ct)
    {
        var months = Months(from, to);
        await foreach (var (terms, approvals) in AccountsAsync(from, to, null, ct))
        {
            foreach (var m in months)
            {
                yield return CreditRowFor(terms, approvals, m);
            }
        }
    }

    /// <summary>One account's credits month by month (a customer's own view of the credits report); null when unknown.</summary>
    public async Task<IReadOnlyList<CreditRow>?> CreditsOfAccountAsync(string accountId, YearMonth from, YearMonth to, CancellationToken ct)
    {
        var months = Months(from, to);
        await foreach (var (terms, approvals) in AccountsAsync(from, to, accountId, ct))
        {
            return months.Select(m => CreditRowFor(terms, approvals, m)).ToList();
        }
        return null;
    }

    private CreditRow CreditRowFor(AccountTerms terms, IReadOnlyDictionary<string, MonthlyApprovals> approvals, YearMonth m)
    {
        var s = terms.StatementFor(m, approvals.GetValueOrDefault(MonthKeys.Of(m)), calendar);
        return new CreditRow(s.AccountId, MonthKeys.Of(m), s.Currency, s.MonthlyRate, s.AvailabilityIncrements, s.AvailabilityCredit,
            s.OverdueBusinessDays, s.MttrCredit, s.TotalCredit,
            s.Ledger.Select(l => MonthKeys.Of(l.InvoiceMonth)).Distinct().ToList(), s.Calendar);
    }

    /// <summary>Groups are small (months x 3 priorities); only the business-day figures of each group are held.</summary>
    public async IAsyncEnumerable<MttrRow> MttrAsync(YearMonth from, YearMonth to, [EnumeratorCancellation] CancellationToken ct)
    {
        Months(from, to);
        var groups = new SortedDictionary<(string Month, Domain.Tickets.Priority Priority), (List<decimal> Days, long Overdue)>();
        await foreach (var file in session.Query<TroubleTicketFile>().ToAsyncEnumerable(ct))
        {
            if (file.ResolvedAt is not { } resolved)
            {
                continue;
            }
            var month = PolicyTime.MonthOf(resolved);
            if (month < from || month > to)
            {
                continue;
            }
            var key = (MonthKeys.Of(month), file.Priority);
            if (!groups.TryGetValue(key, out var group))
            {
                group = ([], 0);
            }
            group.Days.Add(Mttr.BusinessDays(Mttr.BusinessHours(file.MttrAnchor, resolved, calendar.Current)));
            groups[key] = (group.Days, group.Overdue + Mttr.OverdueDayCount(file.MttrAnchor, resolved, calendar.Current));
        }
        foreach (var ((month, priority), (days, overdue)) in groups)
        {
            days.Sort();
            var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
            yield return new MttrRow(month, priority, days.Count, Math.Round(days.Average(), 4, MidpointRounding.AwayFromZero),
                Math.Round(median, 4, MidpointRounding.AwayFromZero), days[^1], overdue, calendar.Current.Identity);
        }
    }

    public async IAsyncEnumerable<CreditRequestRow> CreditRequestsAsync(YearMonth from, YearMonth to, [EnumeratorCancellation] CancellationToken ct)
    {
        Months(from, to);
        var counts = new SortedDictionary<(string Month, string Decision, string Reason), int>();
        await foreach (var file in session.Query<TroubleTicketFile>().ToAsyncEnumerable(ct))
        {
            foreach (var request in file.CreditRequests)
            {
                var month = PolicyTime.MonthOf(request.At);
                if (month < from || month > to)
                {
                    continue;
                }
                var key = (MonthKeys.Of(month), request.Decision, request.Reason ?? "");
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var ((month, decision, reason), n) in counts)
        {
            yield return new CreditRequestRow(month, decision, reason, n);
        }
    }

    /// <summary>
    /// Accounts in id order, each with its approvals in the range by month: a page of accounts, then their months in one
    /// query, so memory holds one page whatever the store's size and no query is made per account.
    /// </summary>
    private async IAsyncEnumerable<(AccountTerms Terms, IReadOnlyDictionary<string, MonthlyApprovals> Approvals)> AccountsAsync(
        YearMonth from, YearMonth to, string? only, [EnumeratorCancellation] CancellationToken ct)
    {
        var (first, last) = (MonthKeys.Of(from), MonthKeys.Of(to));
        var after = "";
        while (true)
        {
            // Keyset paging: ids are never empty, so "after the empty string" is the first page.
            var page = only is null
                ? await session.Query<AccountTerms>().Where(a => string.Compare(a.Id, after) > 0).OrderBy(a => a.Id).Take(AccountsPerPage).ToListAsync(ct)
                : await session.Query<AccountTerms>().Where(a => a.Id == only).ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }
            var ids = page.Select(a => a.Id).ToArray();
            var approvals = (await session.Query<MonthlyApprovals>()
                    .Where(m => m.AccountId.IsOneOf(ids) && string.Compare(m.Month, first) >= 0 && string.Compare(m.Month, last) <= 0)
                    .ToListAsync(ct))
                .GroupBy(m => m.AccountId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, MonthlyApprovals>)g.ToDictionary(m => m.Month, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var terms in page)
            {
                yield return (terms, approvals.GetValueOrDefault(terms.Id) ?? NoApprovals);
            }
            if (only is not null || page.Count < AccountsPerPage)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }

    private const int AccountsPerPage = 200;

    private static readonly IReadOnlyDictionary<string, MonthlyApprovals> NoApprovals = new Dictionary<string, MonthlyApprovals>();
}
