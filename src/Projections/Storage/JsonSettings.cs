using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// The one Newtonsoft.Json configuration of the project: events and documents in Marten, exports and CLI output.
/// NodaTime values as ISO text, enums as names, camelCase members, decimals kept exact.
/// </summary>
public static class JsonSettings
{
    public static JsonSerializerSettings Create(bool indented = false)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            NullValueHandling = NullValueHandling.Include,
            Formatting = indented ? Formatting.Indented : Formatting.None,
            TypeNameHandling = TypeNameHandling.None,
            MissingMemberHandling = MissingMemberHandling.Ignore,
        };
        settings.Converters.Add(new StringEnumConverter());
        settings.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return settings;
    }
}
