using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Spiisee.EventSourced.Domain.Time;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>
/// R2/R3: business days (Monday to Friday, not a holiday) and support hours (09:00-17:00 local), with the counting
/// done by arithmetic so a span of years costs a handful of operations, not a walk over every day.
/// </summary>
public sealed class HolidayCalendar
{
    public const string PolicyVersion = "everest-sla/2026";
    public static readonly LocalTime SupportStart = new(9, 0);
    public static readonly LocalTime SupportEnd = new(17, 0);
    public static readonly Duration SupportDayLength = Duration.FromHours(8);

    private readonly HashSet<LocalDate> _extra;
    private readonly HashSet<LocalDate> _withdrawn;
    private readonly ConcurrentDictionary<int, LocalDate[]> _weekdayHolidaysByYear = new();

    public HolidayCalendar(CalendarSettings settings)
    {
        Settings = settings;
        _extra = [.. settings.ExtraHolidays];
        _withdrawn = [.. settings.WithdrawnHolidays];
        Identity = BuildIdentity();
    }

    public static HolidayCalendar Default { get; } = new(CalendarSettings.Default);

    public CalendarSettings Settings { get; }

    /// <summary>The calendar stream's version this calendar was built from (R14).</summary>
    public long Version => Settings.Version;

    /// <summary>
    /// A stable fingerprint of everything that changes a figure: the holiday set, the zone, support hours and the
    /// policy version. Figures carry it so two computations can be told apart after a calendar change.
    /// </summary>
    public string Identity { get; }

    /// <summary>A weekday off under this calendar (weekend dates are never business days anyway).</summary>
    public bool IsHoliday(LocalDate date) => Array.BinarySearch(WeekdayHolidays(date.Year), date) >= 0;

    public bool IsBusinessDay(LocalDate date) => !IsWeekend(date) && Array.BinarySearch(WeekdayHolidays(date.Year), date) < 0;

    /// <summary>Business days in [from, toExclusive), by arithmetic over weeks and a binary search per year.</summary>
    public long CountBusinessDays(LocalDate from, LocalDate toExclusive)
    {
        if (toExclusive <= from)
        {
            return 0;
        }
        var weekdays = CountWeekdays(from, toExclusive);
        long holidays = 0;
        for (var year = from.Year; year <= toExclusive.Year; year++)
        {
            var list = WeekdayHolidays(year);
            var lo = LowerBound(list, from);
            var hi = LowerBound(list, toExclusive);
            holidays += hi - lo;
        }
        return weekdays - holidays;
    }

    /// <summary>R9: the first business day after a date.</summary>
    public LocalDate NextBusinessDay(LocalDate date) => AddBusinessDays(date, 1);

    /// <summary>The n-th business day after a date (n >= 1); cost grows with n, which the policy keeps small (R12: 5).</summary>
    public LocalDate AddBusinessDays(LocalDate date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var d = date;
        var remaining = n;
        while (remaining > 0)
        {
            d = d.PlusDays(1);
            if (IsBusinessDay(d))
            {
                remaining--;
            }
        }
        return d;
    }

    /// <summary>Business days in [from, to], listed; callers bound the span (a month at most).</summary>
    public IEnumerable<LocalDate> BusinessDaysBetween(LocalDate from, LocalDate toInclusive)
    {
        for (var d = from; d <= toInclusive; d = d.PlusDays(1))
        {
            if (IsBusinessDay(d))
            {
                yield return d;
            }
        }
    }

    /// <summary>R9: support hours (09:00-17:00 local on business days) elapsed in [from, to).</summary>
    public Duration SupportHoursBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }
        var startDate = PolicyTime.LocalDateOf(from);
        var endDate = PolicyTime.LocalDateOf(to);
        if (startDate == endDate)
        {
            return SupportOverlap(startDate, from, to);
        }
        var first = SupportOverlap(startDate, from, to);
        var last = SupportOverlap(endDate, from, to);
        var middleDays = CountBusinessDays(startDate.PlusDays(1), endDate);
        return first + last + (SupportDayLength * middleDays);
    }

    private Duration SupportOverlap(LocalDate date, Instant from, Instant to)
    {
        if (!IsBusinessDay(date))
        {
            return Duration.Zero;
        }
        var open = PolicyTime.At(date + SupportStart);
        var close = PolicyTime.At(date + SupportEnd);
        var start = Instant.Max(open, from);
        var end = Instant.Min(close, to);
        return end > start ? end - start : Duration.Zero;
    }

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static long CountWeekdays(LocalDate from, LocalDate toExclusive)
    {
        long days = Period.DaysBetween(from, toExclusive);
        var fullWeeks = days / 7;
        var count = fullWeeks * 5;
        var d = from.PlusDays((int)(fullWeeks * 7));
        for (var i = 0; i < days % 7; i++, d = d.PlusDays(1))
        {
            if (!IsWeekend(d))
            {
                count++;
            }
        }
        return count;
    }

    private static int LowerBound(LocalDate[] sorted, LocalDate value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Observed weekday holidays falling in a calendar year (New Year's Day of year+1 may be observed on 31 December).</summary>
    private LocalDate[] WeekdayHolidays(int year) =>
        // Looked up before GetOrAdd: its lambda captures this calendar, so each call allocated a delegate (every business-day test).
        _weekdayHolidaysByYear.TryGetValue(year, out var days) ? days : _weekdayHolidaysByYear.GetOrAdd(year, ComputeWeekdayHolidays);

    private LocalDate[] ComputeWeekdayHolidays(int y)
    {
        var set = new SortedSet<LocalDate>();
        for (var holidayYear = y - 1; holidayYear <= y + 1; holidayYear++)
        {
            foreach (var h in FederalHolidays.Of(holidayYear))
            {
                if (h.Observed.Year == y && !_withdrawn.Contains(h.Observed))
                {
                    set.Add(h.Observed);
                }
            }
        }
        foreach (var extra in _extra.Where(e => e.Year == y && !IsWeekend(e)))
        {
            set.Add(extra);
        }
        return [.. set];
    }

    private string BuildIdentity()
    {
        static string Dates(IEnumerable<LocalDate> dates) =>
            string.Join(",", dates.OrderBy(d => d).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var canonical = $"policy={PolicyVersion};zone={PolicyTime.ZoneId}@{DateTimeZoneProviders.Tzdb.VersionId};"
            + $"support={SupportStart:HH:mm}-{SupportEnd:HH:mm};holidays=us-federal-observed;"
            + $"version={Settings.Version};extra=[{Dates(_extra)}];withdrawn=[{Dates(_withdrawn)}]";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12];
        return $"{canonical};sha256={hash}";
    }
}
