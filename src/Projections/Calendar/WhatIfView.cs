using NodaTime;
using Spiisee.EventSourced.Domain.Decisions;

namespace Spiisee.EventSourced.Projections.Calendar;

/// <summary>
/// R14's what-if answer: the proposal, the calendar version it was judged against, each (account, month) whose total
/// it would change, and the sum of the differences per currency. <see cref="Refused"/> names the reason the command
/// itself would be refused with; then nothing is compared.
/// </summary>
public sealed record WhatIfView(ProposedChange Proposal, Instant At, long CalendarVersion, string? Refused, IReadOnlyList<WhatIfRow> Rows,
    IReadOnlyList<CurrencyTotal> GrandTotal, int AccountsAffected)
{
    public static async Task<WhatIfView> RunAsync(WhatIfService service, ProposedChange proposal, CommandContext ctx, CancellationToken ct)
    {
        var (decision, current, proposed) = await service.JudgeAsync(proposal, ctx, ct);
        if (proposed is null)
        {
            return new WhatIfView(proposal, ctx.At, current.Version, decision.Reason, [], [], 0);
        }
        var rows = new List<WhatIfRow>();
        await foreach (var row in service.DifferencesAsync(current, proposed, proposal.Date, ct))
        {
            rows.Add(row);
        }
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            totals[row.Currency] = totals.GetValueOrDefault(row.Currency) + row.Difference;
        }
        return new WhatIfView(proposal, ctx.At, current.Version, null, rows, totals.Select(t => new CurrencyTotal(t.Key, t.Value)).ToList(),
            rows.Select(r => r.AccountId).Distinct().Count());
    }
}

/// <summary>The sum of the differences in one currency (accounts may be invoiced in different ones).</summary>
public sealed record CurrencyTotal(string Currency, decimal Difference);
