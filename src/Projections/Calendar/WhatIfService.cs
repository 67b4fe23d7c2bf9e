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

    public async IAsyncEnumerable<WhatIfRow> DifferencesAsync(CalendarHistory current, CalendarHistory proposed, LocalDate date,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var account in session.Query<AccountStatements>().OrderBy(a => a.Id).ToAsyncEnumerable(ct))
        {
            foreach (var d in CalendarWhatIf.Differences(account.Inputs(), current, proposed, date))
            {
                yield return new WhatIfRow(account.Id, AccountStatements.MonthKey(d.Month), account.Currency, d.CurrentTotal, d.ProposedTotal, d.Difference);
            }
        }
    }
}
