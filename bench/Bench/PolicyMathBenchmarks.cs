using BenchmarkDotNet.Attributes;
using NodaTime;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Domain.Sla;

namespace Spiisee.EventSourced.Bench;

/// <summary>The policy math on long spans and busy months: these must cost microseconds, not day walks.</summary>
[MemoryDiagnoser]
public class PolicyMathBenchmarks
{
    private readonly HolidayCalendar _calendar = new(CalendarSettings.Default);
    private readonly Instant _anchor = Instant.FromUtc(2021, 1, 4, 15, 0);
    private readonly Instant _resolved = Instant.FromUtc(2031, 1, 2, 17, 0);
    private StatementInputs _busyMonth = null!;
    private StatementInputs _largeAccountMonth = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Warm the per-year holiday cache as a long-running process would have it.
        _calendar.CountBusinessDays(new LocalDate(2020, 1, 1), new LocalDate(2032, 1, 1));
        var tickets = Enumerable.Range(0, 50).Select(i =>
        {
            var opened = Instant.FromUtc(2026, 3, 1, 12, 0) + Duration.FromHours(13 * i);
            return new ApprovedTroubleTicket($"TT-{i}", $"R-{i}", i % 4 == 0 ? TroubleTicketKind.Performance : TroubleTicketKind.Outage,
                i % 3 == 0 ? RootCause.ScheduledMaintenance : RootCause.PlatformDefect, opened, opened + Duration.FromHours(30),
                opened + Duration.FromHours(1), opened + Duration.FromHours(29), opened + Duration.FromDays(3));
        }).ToList();
        _busyMonth = new StatementInputs("acme", "USD", new RateSchedule(2200m, []), [], tickets);
        // A month of issue 12's large account: 10,000 approved outages over five years, so about 170 in a month.
        var large = Enumerable.Range(0, 170).Select(i =>
        {
            var opened = Instant.FromUtc(2026, 3, 1, 12, 0) + Duration.FromMinutes(250 * i);
            return new ApprovedTroubleTicket($"TT-{i}", $"R-{i}", TroubleTicketKind.Outage, RootCause.PlatformDefect, opened,
                opened + Duration.FromHours(5 + i % 40), opened + Duration.FromHours(1), opened + Duration.FromHours(4 + i % 40), opened + Duration.FromDays(2));
        }).ToList();
        _largeAccountMonth = new StatementInputs("large", "USD", new RateSchedule(2200m, []), [], large);
    }

    [Benchmark(Description = "Statement of a month with 170 approved tickets (one large account)")]
    public decimal LargeAccountMonth() => StatementCalculator.Compute(_largeAccountMonth, new YearMonth(2026, 3), _calendar).TotalCredit;

    [Benchmark(Description = "CountBusinessDays over 10 years")]
    public long CountTenYears() => _calendar.CountBusinessDays(new LocalDate(2021, 1, 1), new LocalDate(2031, 1, 1));

    [Benchmark(Description = "OverdueDayCount over 10 years")]
    public long OverdueTenYears() => Mttr.OverdueDayCount(_anchor, _resolved, _calendar);

    [Benchmark(Description = "Support hours over 10 years")]
    public Duration SupportHoursTenYears() => _calendar.SupportHoursBetween(_anchor, _resolved);

    [Benchmark(Description = "Statement of a month with 50 approved tickets")]
    public decimal BusyMonthStatement() => StatementCalculator.Compute(_busyMonth, new YearMonth(2026, 3), _calendar).TotalCredit;
}
