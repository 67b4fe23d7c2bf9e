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
    }

    [Benchmark(Description = "CountBusinessDays over 10 years")]
    public long CountTenYears() => _calendar.CountBusinessDays(new LocalDate(2021, 1, 1), new LocalDate(2031, 1, 1));

    [Benchmark(Description = "OverdueDayCount over 10 years")]
    public long OverdueTenYears() => Mttr.OverdueDayCount(_anchor, _resolved, _calendar);

    [Benchmark(Description = "Support hours over 10 years")]
    public Duration SupportHoursTenYears() => _calendar.SupportHoursBetween(_anchor, _resolved);

    [Benchmark(Description = "Statement of a month with 50 approved tickets")]
    public decimal BusyMonthStatement() => StatementCalculator.Compute(_busyMonth, new YearMonth(2026, 3), _calendar).TotalCredit;
}
