using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime.Text;
using Spiisee.EventSourced.Domain.Calendar;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Host.Configuration;

/// <summary>
/// What the engine reads from configuration: the connection string (ConnectionStrings:Spiisee), the schema
/// (Storage:Schema) and calendar changes to seed an empty store with (Calendar:ExtraHolidays:N,
/// Calendar:WithdrawnHolidays:N as YYYY-MM-DD). The seed never decides a figure itself: it becomes calendar events
/// (R14) on an empty store and is ignored afterwards, so every process of a deployment uses the same calendar.
/// </summary>
public sealed record SpiiseeSettings(string? ConnectionString, CalendarSettings CalendarSeed, string Schema)
{
    public static SpiiseeSettings From(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Spiisee");
        var extra = Dates(configuration, "Calendar:ExtraHolidays");
        var withdrawn = Dates(configuration, "Calendar:WithdrawnHolidays");
        var schema = configuration["Storage:Schema"] is { Length: > 0 } s ? s : StoreConfiguration.DefaultSchema;
        return new SpiiseeSettings(string.IsNullOrWhiteSpace(connection) ? null : connection, new CalendarSettings(extra, withdrawn), schema);
    }

    /// <summary>The CLI's configuration: the shipped appsettings.json, then environment variables.</summary>
    public static IConfiguration Build() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>
    /// Command-line arguments are verbs and options, never configuration, so they are ignored. Kept only because
    /// CliApp.RunAsync still passes them; remove once it calls <see cref="Build()"/>.
    /// </summary>
    public static IConfiguration Build(string[] _) => Build();

    public string RequireConnectionString() => ConnectionString ?? throw new ConfigurationException(ExitCodes.Unavailable,
        "no database configured: set ConnectionStrings__Spiisee (./scripts/run.sh provides one)");

    private static List<NodaTime.LocalDate> Dates(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren()
            .Select(c => c.Value ?? "")
            .Select(v => LocalDatePattern.Iso.Parse(v.Trim()) is { Success: true } r
                ? r.Value
                : throw new ConfigurationException(ExitCodes.Config, string.Create(CultureInfo.InvariantCulture, $"configuration {section}: '{v}' is not a date as YYYY-MM-DD")))
            .ToList();
}
