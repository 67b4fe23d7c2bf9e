using System.Globalization;
using NodaTime;

namespace Spiisee.EventSourced.Projections.Statements;

/// <summary>Months as the API and the documents write them: <c>yyyy-MM</c>.</summary>
public static class MonthKeys
{
    public static string Of(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
