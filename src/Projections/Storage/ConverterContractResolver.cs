using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Camel-case contracts (the stock camel-case resolver's naming) that carry their converter. Newtonsoft asks every
/// converter of the settings, one by one, whether it converts each value it writes or reads that has none in its
/// contract: with NodaTime's dozen converters that was a twentieth of an import's CPU. Here the question is asked once
/// per type, with the same converters in the same order, so the first that converts a type is the one used, as before.
/// </summary>
public sealed class ConverterContractResolver : DefaultContractResolver
{
    private readonly IReadOnlyList<JsonConverter> _converters;

    public ConverterContractResolver(IEnumerable<JsonConverter> converters)
    {
        _converters = converters.ToArray();
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = true, OverrideSpecifiedNames = true };
    }

    protected override JsonConverter? ResolveContractConverter(Type objectType) =>
        base.ResolveContractConverter(objectType) ?? _converters.FirstOrDefault(c => c.CanConvert(objectType));
}
