using NodaTime.Text;

namespace Spiisee.EventSourced.Domain.Tests;

/// <summary>Test shorthand: instants as the journal writes them, with their offset.</summary>
public static class At
{
    public static Instant I(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    public static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    public static YearMonth M(string text) => YearMonthPattern.Iso.Parse(text).GetValueOrThrow();
}
