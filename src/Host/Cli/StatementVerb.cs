using System.Globalization;
using System.Text;
using Marten;
using Spiisee.EventSourced.Host.Configuration;
using Spiisee.EventSourced.Projections.Journal;
using Spiisee.EventSourced.Projections.Queries;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>`statement --account &lt;id&gt; --month &lt;YYYY-MM&gt; [--as-of &lt;instant&gt;] [--format json|table]` (R13).</summary>
public static class StatementVerb
{
    public static async Task<int> RunAsync(IDocumentStore store, SpiiseeSettings settings, CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var accountId = args.Required("account");
        var month = ParseMonth(args.Required("month"));
        var format = args.Option("format") ?? "json";
        if (format is not ("json" or "table"))
        {
            throw new CliException(ExitCodes.Usage, "--format must be json or table");
        }
        var asOf = args.Instant("as-of");
        await using var session = store.QuerySession();
        var view = (asOf is { } cut
                ? await StatementView.LoadAsOfAsync(session, accountId, month, cut, settings.Calendar, ct)
                : await StatementView.LoadAsync(session, accountId, month, settings.Calendar, ct))
            ?? throw new CliException(ExitCodes.DataError, asOf is null ? $"unknown account '{accountId}'" : $"unknown account '{accountId}' as of {asOf}");
        await stdout.WriteLineAsync(format == "json" ? Output.Json(view) : Table(view));
        return ExitCodes.Ok;
    }

    public static NodaTime.YearMonth ParseMonth(string text)
    {
        try
        {
            return CommandReader.ParseMonth(text, "month");
        }
        catch (InvalidInputException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message);
        }
    }

    public static string Table(StatementView s)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(c, $"Statement {s.AccountId} {s.Month} ({s.Currency}, rate {s.MonthlyRate:0.00})");
        b.AppendLine(c, $"  minutes in month        {s.MinutesInMonth,14}");
        b.AppendLine(c, $"  downtime minutes        {s.DowntimeMinutes,14:0.00}");
        b.AppendLine(c, $"  availability %          {s.AvailabilityPercent,14:0.0000}");
        b.AppendLine(c, $"  8-hour increments       {s.AvailabilityIncrements,14}");
        b.AppendLine(c, $"  availability credit     {s.AvailabilityCredit,14:0.00}{(s.Derivation.AvailabilityCreditCapped ? "  (capped at 50%)" : "")}");
        b.AppendLine(c, $"  overdue business days   {s.OverdueBusinessDays,14}");
        b.AppendLine(c, $"  MTTR credit             {s.MttrCredit,14:0.00}{(s.Derivation.MttrCreditCapped ? "  (capped at 50%)" : "")}");
        b.AppendLine(c, $"  total credit            {s.TotalCredit,14:0.00}");
        foreach (var t in s.TroubleTickets)
        {
            b.AppendLine(c, $"  {t.TroubleTicketId}: {t.Kind}, {t.RootCause}, downtime {t.DowntimeMinutes:0.00} min, overdue [{string.Join(", ", t.OverdueDays.Select(d => d.ToString("yyyy-MM-dd", c)))}], target day {t.TargetDay.ToString("yyyy-MM-dd", c)}, approved {t.RequestApprovedAt}");
        }
        foreach (var l in s.Ledger)
        {
            b.AppendLine(c, $"  ledger: {l.TroubleTicketId} {l.Amount:0.00} on the {l.InvoiceMonth} invoice");
        }
        b.Append(c, $"  calendar: {s.Calendar}");
        return b.ToString();
    }
}
