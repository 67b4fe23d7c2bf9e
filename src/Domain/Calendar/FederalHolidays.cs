using NodaTime;

namespace Spiisee.EventSourced.Domain.Calendar;

/// <summary>R3: the eleven US federal holidays and the dates they are observed on.</summary>
public static class FederalHolidays
{
    public sealed record Holiday(string Name, LocalDate Actual, LocalDate Observed);

    /// <summary>The holidays of one holiday year, with weekend observance (Saturday to Friday, Sunday to Monday).</summary>
    public static IReadOnlyList<Holiday> Of(int year) =>
    [
        Fixed("New Year's Day", new LocalDate(year, 1, 1)),
        new("Birthday of Martin Luther King Jr.", Nth(year, 1, IsoDayOfWeek.Monday, 3), Nth(year, 1, IsoDayOfWeek.Monday, 3)),
        new("Washington's Birthday", Nth(year, 2, IsoDayOfWeek.Monday, 3), Nth(year, 2, IsoDayOfWeek.Monday, 3)),
        new("Memorial Day", LastMonday(year, 5), LastMonday(year, 5)),
        Fixed("Juneteenth National Independence Day", new LocalDate(year, 6, 19)),
        Fixed("Independence Day", new LocalDate(year, 7, 4)),
        new("Labor Day", Nth(year, 9, IsoDayOfWeek.Monday, 1), Nth(year, 9, IsoDayOfWeek.Monday, 1)),
        new("Columbus Day", Nth(year, 10, IsoDayOfWeek.Monday, 2), Nth(year, 10, IsoDayOfWeek.Monday, 2)),
        Fixed("Veterans Day", new LocalDate(year, 11, 11)),
        new("Thanksgiving Day", Nth(year, 11, IsoDayOfWeek.Thursday, 4), Nth(year, 11, IsoDayOfWeek.Thursday, 4)),
        Fixed("Christmas Day", new LocalDate(year, 12, 25)),
    ];

    public static LocalDate Observe(LocalDate actual) => actual.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => actual.PlusDays(-1),
        IsoDayOfWeek.Sunday => actual.PlusDays(1),
        _ => actual,
    };

    private static Holiday Fixed(string name, LocalDate actual) => new(name, actual, Observe(actual));

    private static LocalDate Nth(int year, int month, IsoDayOfWeek day, int n)
    {
        var first = new LocalDate(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(offset + (7 * (n - 1)));
    }

    private static LocalDate LastMonday(int year, int month)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        var back = ((int)last.DayOfWeek - (int)IsoDayOfWeek.Monday + 7) % 7;
        return last.PlusDays(-back);
    }
}
