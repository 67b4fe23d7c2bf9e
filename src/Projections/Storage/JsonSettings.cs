using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// The one Newtonsoft.Json configuration of the project: events and documents in Marten, exports and CLI output.
/// NodaTime values as ISO text, enums as names, camelCase members, decimals kept exact.
/// </summary>
public static class JsonSettings
{
    /// <summary>The contracts every serializer of these settings resolves, converters included, shared and resolved once.</summary>
    public static ConverterContractResolver Resolver { get; } = new(Converters());

    public static JsonSerializerSettings Create(bool indented = false) => new()
    {
        ContractResolver = Resolver,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        NullValueHandling = NullValueHandling.Include,
        Formatting = indented ? Formatting.Indented : Formatting.None,
        TypeNameHandling = TypeNameHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    /// <summary>Enums as names, NodaTime values as ISO text: the converters in the order NodaTime's set-up gives them, instants first.</summary>
    private static IReadOnlyList<JsonConverter> Converters()
    {
        var settings = new JsonSerializerSettings();
        settings.Converters.Add(new StringEnumConverter());
        // Ahead of NodaTime's, so it is the one the contracts carry for Instant (the first that converts a type is used).
        settings.Converters.Add(new IsoInstantConverter());
        settings.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return [.. settings.Converters];
    }
}
