using NodaTime;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>
/// The approved trouble tickets one month's statement of one account reflects: those whose outage or MTTR span touches
/// the month (a ticket spanning two months is in both). One document per (account, month), so an approval rewrites a
/// month's worth of tickets, never an account's whole history, and a month's statement reads one small document
/// however large the account grows.
/// </summary>
public sealed class MonthlyApprovals
{
    /// <summary><c>{accountId}/{yyyy-MM}</c>: ids never hold '/', so the key is unambiguous and sorts by account, then month.</summary>
    public string Id { get; set; } = "";

    public string AccountId { get; set; } = "";

    /// <summary><c>yyyy-MM</c>, so ranges of months are ranges of strings.</summary>
    public string Month { get; set; } = "";

    public List<ApprovedTroubleTicket> Tickets { get; set; } = [];

    /// <summary>Approvals folded in (see <see cref="AccountTerms.EventsFolded"/>).</summary>
    public long EventsFolded { get; set; }

    public static string Key(string accountId, YearMonth month) => $"{accountId}/{MonthKeys.Of(month)}";

    /// <summary>The documents an approval belongs to (R9, R10: every month its outage or MTTR span touches).</summary>
    public static IEnumerable<string> KeysOf(string accountId, ApprovedTroubleTicket ticket) =>
        ticket.MonthsTouched().Select(m => Key(accountId, m));
}
