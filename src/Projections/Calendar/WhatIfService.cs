using System.Runtime.CompilerServices;
using Marten;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Projections.Commands;
using Spiisee.EventSourced.Projections.Statements;

namespace Spiisee.EventSourced.Projections.Calendar;

/// <summary>A proposed calendar change (R14): declare or withdraw a date.</summary>
public sealed record ProposedChange(CalendarChangeKind Kind, LocalDate Date, string? Name, string? Reason)
{
    public ICommand ToCommand() => Kind == CalendarChangeKind.Declared
        ? new DeclareHoliday(Date, Name ?? "", Reason)
        : new WithdrawHoliday(Date, Reason);
}

public sealed record WhatIfRow(string AccountId, string Month, string Currency, decimal CurrentTotal, decimal ProposedTotal, decimal Difference);

/// <summary>
/// R14's what-if over the whole store: the proposal is judged as the command would be, then every account's statement
/// inputs stream past once and only the months the date can reach are computed twice. Nothing is written.
/// </summary>
public sealed class WhatIfService(IQuerySession session)
{
    /// <summary>The calendar decision on the proposal: refused proposals have no differences.</summary>
    public async Task<(Decision Decision, CalendarHistory Current, CalendarHistory? Proposed)> JudgeAsync(ProposedChange change, CommandContext ctx, CancellationToken ct)
    {
        var current = await CalendarReader.LoadAsync(session, ct);
        // Judged by the command's own registration, against the calendar as recorded, exactly as recording it would be.
        var command = change.ToCommand();
        var decision = CommandRegistry.For(command).Decide(command, ctx, new StreamStates(s => s == StreamRef.Calendar ? current : null));
        return (decision, current, decision.IsAccepted ? current.With(decision.Events[0].Event) : null);
    }

    /// <summary>
    /// Only the approvals filed under the months the date can reach are read, a page at a time with their accounts' terms
    /// in one more query: the cost follows the tickets of those months, not the store's history.
    /// </summary>
    public async IAsyncEnumerable<WhatIfRow> DifferencesAsync(CalendarHistory current, CalendarHistory proposed, LocalDate date,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var months = CalendarWhatIf.MonthsReached(current, proposed, date).ToDictionary(MonthKeys.Of);
        var keys = months.Keys.ToArray();
        var after = "";
        while (true)
        {
            var page = await session.Query<MonthlyApprovals>()
                .Where(m => m.Month.IsOneOf(keys) && string.Compare(m.Id, after) > 0)
                .OrderBy(m => m.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }
            var terms = (await session.LoadManyAsync<AccountTerms>(ct, page.Select(m => m.AccountId).Distinct().ToArray()))
                .ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var approvals in page)
            {
                if (!terms.TryGetValue(approvals.AccountId, out var account))
                {
                    continue; // approvals are only ever recorded for registered accounts
                }
                var month = months[approvals.Month];
                if (CalendarWhatIf.Difference(account.InputsWith(approvals.Tickets), month, current, proposed, date) is { } d)
                {
                    yield return new WhatIfRow(account.Id, approvals.Month, account.Currency, d.CurrentTotal, d.ProposedTotal, d.Difference);
                }
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }

    private const int PageSize = 500;
}
