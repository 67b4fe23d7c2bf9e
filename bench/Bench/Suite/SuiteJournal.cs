using System.Globalization;

namespace Spiisee.EventSourced.Bench.Suite;

/// <summary>
/// A deterministic journal with the real mix of the policy's cases: declined tickets, escalations, trouble tickets of
/// both kinds, maintenance overruns of prearranged windows, excluded causes, late and duplicate credit requests, rate
/// changes. Cases are spread over <see cref="Years"/> years from 2021, so statements span 60 months. The same cases can
/// be laid out over many accounts or piled on one, which is what the large-account comparison needs.
/// </summary>
public sealed class SuiteJournal(int seed = 12)
{
    public const int Years = 5;

    private static readonly DateTimeOffset Start = new(2021, 1, 4, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Whether some tickets are declined and some requests late or for excluded causes (the real mix), or every case is an approved outage.</summary>
    public bool Mixed { get; init; } = true;

    /// <summary>`bench journal &lt;file&gt; [lines] [cases per account]`: the suite's journal, to import or read.</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "--dealt")
        {
            // The large-account journals: the same approved outages on one account ("large") or dealt over many.
            if (args.Length != 4 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var cases) || cases < 1
                || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var accounts) || accounts < 1)
            {
                Console.Error.WriteLine("journal <file> --dealt <cases> <accounts>: both counts are whole numbers of at least 1");
                return 64;
            }
            var dealt = new SuiteJournal { Mixed = false }.WriteDealt(args[0], cases, accounts);
            Console.WriteLine($"{dealt.Lines} lines, {dealt.Accounts} accounts, {dealt.Cases} cases in {args[0]}");
            return 0;
        }
        var written = new SuiteJournal().Write(args[0], args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40);
        Console.WriteLine($"{written.Lines} lines, {written.Accounts} accounts, {written.Cases} cases in {args[0]}");
        return 0;
    }

    public sealed record Written(int Lines, int Accounts, int Cases);

    /// <summary>Writes about <paramref name="targetLines"/> lines, <paramref name="casesPerAccount"/> cases per account.</summary>
    public Written Write(string path, int targetLines, int casesPerAccount)
    {
        using var w = new StreamWriter(path);
        var lines = 0;
        var accounts = 0;
        var cases = 0;
        for (var a = 0; lines < targetLines; a++)
        {
            lines += WriteAccount(w, $"acct-{a}", a, casesPerAccount, ref cases, targetLines - lines);
            accounts++;
        }
        return new Written(lines, accounts, cases);
    }

    /// <summary>The same <paramref name="cases"/> either on one account or dealt round-robin over <paramref name="accounts"/> accounts.</summary>
    public Written WriteDealt(string path, int cases, int accounts)
    {
        using var w = new StreamWriter(path);
        var lines = 0;
        for (var a = 0; a < accounts; a++)
        {
            lines += Register(w, accounts == 1 ? "large" : $"acct-{a}", a);
        }
        for (var k = 0; k < cases; k++)
        {
            var account = accounts == 1 ? "large" : $"acct-{k % accounts}";
            // Same instants in both layouts: case k happens at the k-th slot of the five years.
            lines += Case(w, account, k, k, cases);
        }
        return new Written(lines, accounts, cases);
    }

    private int WriteAccount(StreamWriter w, string account, int a, int casesPerAccount, ref int cases, int budget)
    {
        var lines = Register(w, account, a);
        for (var k = 0; k < casesPerAccount && lines < budget; k++)
        {
            lines += Case(w, account, a * 7919 + k, k, casesPerAccount);
            cases++;
        }
        return lines;
    }

    private static int Register(StreamWriter w, string account, int a)
    {
        var rate = (1_000 + (a % 40) * 125).ToString("0.00", CultureInfo.InvariantCulture);
        w.WriteLine($$"""{"at":"2021-01-01T12:00:00Z","type":"RegisterAccount","accountId":"{{account}}","plan":"Standard","monthlyRate":{{rate}},"currency":"USD","maintenanceFrom":"2021-01-01","maintenanceTo":"2026-12-31"}""");
        w.WriteLine($$"""{"at":"2021-01-01T12:01:00Z","type":"AuthorizeContact","accountId":"{{account}}","contactId":"ops@{{account}}.example"}""");
        return 2;
    }

    /// <summary>One case: a ticket's whole life, at slot <paramref name="slot"/> of <paramref name="slots"/> over the years.</summary>
    private int Case(StreamWriter w, string account, int id, int slot, int slots)
    {
        // Not HashCode.Combine: it is seeded per process, and the journal must be the same on every run.
        var r = new Random(unchecked(seed * 1_000_003 + id));
        var at = Start.AddMinutes((double)slot * (Years * 365.0 * 24 * 60 - 4 * 24 * 60 * 14) / Math.Max(1, slots));
        string T(double minutes) => at.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var contact = $"ops@{account}.example";
        var ticket = $"{account}-T{id}";
        var trouble = $"{account}-TT{id}";
        var n = 0;
        void Line(string s) { w.WriteLine(s); n++; }

        if (Mixed && slot % 60 == 59)
        {
            var rate = (1_200 + r.Next(40) * 50).ToString("0.00", CultureInfo.InvariantCulture);
            Line($$"""{"at":"{{T(-30)}}","type":"ChangeMonthlyRate","accountId":"{{account}}","monthlyRate":{{rate}},"effectiveMonth":"{{at:yyyy-MM}}"}""");
        }
        if (Mixed && r.Next(10) == 0)
        {
            // R6: customized software is declined at once, kept on record.
            Line($$"""{"at":"{{T(0)}}","type":"OpenTicket","ticketId":"{{ticket}}","accountId":"{{account}}","contactId":"{{contact}}","channel":"Web","priority":"P3","category":"Configuration","releaseStage":"GA","customized":true}""");
            return n;
        }
        var overrun = Mixed && r.Next(10) == 0;
        if (overrun)
        {
            // A prearranged window of two hours that the work overruns by one (R10: the overrun counts).
            Line($$"""{"at":"{{T(-3 * 24 * 60)}}","type":"ScheduleMaintenanceWindow","accountId":"{{account}}","from":"{{T(20)}}","to":"{{T(140)}}"}""");
        }
        Line($$"""{"at":"{{T(0)}}","type":"OpenTicket","ticketId":"{{ticket}}","accountId":"{{account}}","contactId":"{{contact}}","channel":"Web","priority":"P2","category":"Incident","releaseStage":"GA"}""");
        if (r.Next(2) == 0)
        {
            Line($$"""{"at":"{{T(10)}}","type":"EscalateTicket","ticketId":"{{ticket}}","priority":"P1","reason":"all users affected"}""");
        }
        var kind = Mixed && !overrun && r.Next(4) == 0 ? "Performance" : "Outage";
        Line($$"""{"at":"{{T(20)}}","type":"OpenTroubleTicket","troubleTicketId":"{{trouble}}","replacesTicketId":"{{ticket}}","kind":"{{kind}}"}""");
        Line($$"""{"at":"{{T(60)}}","type":"AssignTroubleTicket","troubleTicketId":"{{trouble}}","agentId":"agent-{{r.Next(12)}}"}""");
        var cause = overrun ? "ScheduledMaintenance" : Mixed && r.Next(10) == 0 ? "CustomerEquipment" : "PlatformDefect";
        var resolved = overrun ? 180 : 60 * (2 + r.Next(72));
        Line($$"""{"at":"{{T(resolved)}}","type":"ResolveTroubleTicket","troubleTicketId":"{{trouble}}","rootCause":"{{cause}}"}""");
        Line($$"""{"at":"{{T(resolved + 60)}}","type":"CloseTroubleTicket","troubleTicketId":"{{trouble}}"}""");
        // R12: most requests come the next day; some after the deadline (12 days later); some twice.
        var late = Mixed && r.Next(12) == 0;
        Line($$"""{"at":"{{T(resolved + (late ? 12 * 24 * 60 : 24 * 60))}}","type":"RequestCredit","troubleTicketId":"{{trouble}}","contactId":"{{contact}}"}""");
        if (Mixed && r.Next(6) == 0)
        {
            Line($$"""{"at":"{{T(resolved + 25 * 60)}}","type":"RequestCredit","troubleTicketId":"{{trouble}}","contactId":"{{contact}}"}""");
        }
        return n;
    }
}
