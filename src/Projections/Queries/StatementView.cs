using Marten;
using Marten.Events;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Decisions;
using Spiisee.EventSourced.Domain.Sla;
using Spiisee.EventSourced.Projections.Calendar;
using Spiisee.EventSourced.Projections.Statements;
using Spiisee.EventSourced.Projections.Storage;
using Spiisee.EventSourced.Projections.Timelines;

namespace Spiisee.EventSourced.Projections.Queries;

/// <summary>docs/interfaces.md's statement JSON, every figure plus its derivation.</summary>
public sealed record StatementView(
    string AccountId, string Month, string Currency, decimal MonthlyRate, long MinutesInMonth, decimal DowntimeMinutes,
    decimal AvailabilityPercent, long AvailabilityIncrements, decimal AvailabilityCredit, long OverdueBusinessDays, decimal MttrCredit,
    decimal TotalCredit, IReadOnlyList<StatementTicketView> TroubleTickets, IReadOnlyList<LedgerView> Ledger, string Calendar,
    long CalendarVersion, IssuedFigures? Issued, StatementDerivation Derivation)
{
    public static StatementView From(MonthlyStatement s) => new(
        s.AccountId, MonthKeys.Of(s.Month), s.Currency, s.MonthlyRate, s.MinutesInMonth, s.DowntimeMinutes,
        s.AvailabilityPercent, s.AvailabilityIncrements, s.AvailabilityCredit, s.OverdueBusinessDays, s.MttrCredit, s.TotalCredit,
        s.TroubleTickets.Select(t => new StatementTicketView(t.TroubleTicketId, t.Kind, t.RootCause, t.DowntimeMinutes, t.OverdueDays,
            t.RequestApprovedAt, t.RequestId, t.OpenedAt, t.ClosedAt, t.MttrAnchor, t.TargetDay, t.ResolvedAt, t.CountedIntervals,
            t.CarvedOutIntervals, t.MttrBusinessHours, t.MttrBusinessDays)).ToList(),
        s.Ledger.Select(l => new LedgerView(l.Kind, l.TroubleTicketId, l.Amount, MonthKeys.Of(l.InvoiceMonth), l.RequestId,
            l.Kind == LedgerLineKind.Credit ? l.At : null, l.At, l.Change, l.RateChange, l.Window)).ToList(),
        s.Calendar, s.CalendarVersion, s.Issued,
        new StatementDerivation(s.DowntimeSeconds, s.MinutesInMonth * 60, s.AvailabilityBelowNinetyPercent, s.AvailabilityCreditCapped,
            s.MttrCreditCapped, s.CreditCap, s.DowntimeIntervals,
            "availability credit = increments x rate / 30 when availability < 90% (R13); MTTR credit = overdue days x rate / 22 (R9); each capped at 50% of the rate, rounded once to cents half away from zero"));

    /// <summary>The documents a statement is computed from (<see cref="LoadAsync"/>); reports and what-ifs read them too.</summary>
    public static IReadOnlyList<Type> Documents { get; } = [typeof(AccountTerms), typeof(MonthlyApprovals), typeof(CalendarRecord)];

    /// <summary>
    /// A statement by key: the account's terms, the month's approvals and the calendar in one round trip, never a stream
    /// replay, and the same cost for an account of ten trouble tickets or ten thousand. Null when the account is unknown.
    /// </summary>
    public static async Task<StatementView?> LoadAsync(IQuerySession session, string accountId, YearMonth month, CancellationToken ct) =>
        (await LoadCountedAsync(session, accountId, month, ct))?.View;

    /// <summary><see cref="LoadAsync"/>, with the fold counts of the very documents the statement was computed from.</summary>
    public static async Task<(StatementView View, FoldCounts Counts)?> LoadCountedAsync(IQuerySession session, string accountId, YearMonth month,
        CancellationToken ct) =>
        await LoadInputsAsync(session, accountId, month, ct) is { } inputs ? (inputs.Compute(), inputs.Counts) : null;

    /// <summary>The three documents a month's statement is computed from, in one round trip; null when the account is unknown.</summary>
    public static async Task<Inputs?> LoadInputsAsync(IQuerySession session, string accountId, YearMonth month, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var termsLoad = batch.Load<AccountTerms>(accountId);
        var approvalsLoad = batch.Load<MonthlyApprovals>(MonthlyApprovals.Key(accountId, month));
        var calendarLoad = batch.Load<CalendarRecord>(CalendarRecord.Key);
        await batch.Execute(ct);
        return await termsLoad is { } terms ? new Inputs(month, terms, await approvalsLoad, await calendarLoad) : null;
    }

    /// <summary>A month's statement inputs as read (<see cref="LoadInputsAsync"/>).</summary>
    public sealed record Inputs(YearMonth Month, AccountTerms Terms, MonthlyApprovals? Approvals, CalendarRecord? Calendar)
    {
        public FoldCounts Counts => FoldCounts.Of(Terms, Approvals, Calendar);

        public StatementView Compute() => From(Terms.StatementFor(Month, Approvals, Calendar?.History() ?? CalendarHistory.Empty));
    }

    /// <summary>
    /// The statement as it stood at an instant: folded from the account's events and its trouble tickets' approvals
    /// whose business instant is at or before <paramref name="asOf"/>, in the order they were stored, with the
    /// calendar changes recorded at or before it (R14). For auditors asking what was owed, and why, at the time. Null
    /// when the account is unknown.
    /// </summary>
    public static async Task<StatementView?> LoadAsOfAsync(IQuerySession session, string accountId, YearMonth month, Instant asOf, CancellationToken ct)
    {
        var calendar = (await CalendarReader.LoadAsync(session, ct)).AsOf(asOf);
        var accountKey = StreamKeys.For(StreamRef.Account(accountId));
        var troubleTicketKeys = await session.Query<TroubleTicketFile>().Where(f => f.AccountId == accountId).Select(f => f.Id).ToListAsync(ct);
        var keys = troubleTicketKeys.Append(accountKey).ToArray();
        var inputTypes = StatementInputEvents.Types.ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey.IsOneOf(keys) && e.EventTypesAre(inputTypes))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var known = events.Where(e => ((IDomainEvent)e.Data).At <= asOf).ToList();
        if (!known.Any(e => e.Data is Domain.Accounts.AccountRegistered))
        {
            return null; // not registered yet at that instant
        }
        var terms = new AccountTerms { Id = accountId };
        var approvals = new MonthlyApprovals();
        var key = MonthlyApprovals.Key(accountId, month);
        foreach (var e in known)
        {
            terms.Record(e.Data);
            if (e.Data is Domain.TroubleTickets.CreditRequestApproved approved && MonthlyApprovals.KeysOf(accountId, approved.ToApprovedTroubleTicket()).Contains(key))
            {
                approvals.Tickets.Add(approved.ToApprovedTroubleTicket());
            }
        }
        return From(terms.StatementFor(month, approvals, calendar));
    }
}

public sealed record StatementTicketView(
    string TroubleTicketId, TroubleTicketKind Kind, RootCause RootCause, decimal DowntimeMinutes, IReadOnlyList<LocalDate> OverdueDays,
    Instant RequestApprovedAt, string RequestId, Instant OpenedAt, Instant ClosedAt, Instant MttrAnchor, LocalDate TargetDay,
    Instant ResolvedAt, IReadOnlyList<Interval> CountedIntervals, IReadOnlyList<Interval> CarvedOutIntervals,
    decimal MttrBusinessHours, decimal MttrBusinessDays);

/// <summary>
/// A ledger line (R13, R14): <c>kind</c> Credit (an approval; troubleTicketId, requestId and approvedAt name it) or
/// Correction (a calendar change recorded after the month was issued; calendarChange names it).
/// </summary>
public sealed record LedgerView(LedgerLineKind Kind, string? TroubleTicketId, decimal Amount, string InvoiceMonth, string? RequestId,
    Instant? ApprovedAt, Instant RecordedAt, CalendarChange? CalendarChange, RateChange? RateChange, PrearrangedWindow? Window);

public sealed record StatementDerivation(
    long DowntimeSeconds, long SecondsInMonth, bool AvailabilityBelowNinetyPercent, bool AvailabilityCreditCapped, bool MttrCreditCapped,
    decimal CapPerCredit, IReadOnlyList<Interval> DowntimeIntervals, string Rules);
