using Newtonsoft.Json.Serialization;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>Newtonsoft's contracts resolved ahead of the first read or write that needs them.</summary>
public static class JsonContracts
{
    /// <summary>
    /// Resolves the contracts of <paramref name="roots"/> and of the project's types their members reach, through
    /// collections too, in <see cref="JsonSettings.Resolver"/>, which every serializer of <see cref="JsonSettings"/>
    /// shares. Other libraries' types (NodaTime's) have converters instead.
    /// </summary>
    public static void Prime(IEnumerable<Type> roots)
    {
        var resolver = JsonSettings.Resolver;
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            var ours = type.Namespace?.StartsWith("Spiisee.", StringComparison.Ordinal) == true;
            if (!seen.Add(type) || !(ours || type.IsGenericType))
            {
                continue;
            }
            switch (resolver.ResolveContract(type))
            {
                case JsonObjectContract obj:
                    foreach (var member in obj.Properties)
                    {
                        if (member.PropertyType is { } memberType)
                        {
                            pending.Push(memberType);
                        }
                    }
                    break;
                case JsonDictionaryContract dictionary when dictionary.DictionaryValueType is { } valueType:
                    pending.Push(valueType);
                    break;
                case JsonArrayContract array when array.CollectionItemType is { } itemType:
                    pending.Push(itemType);
                    break;
            }
        }
    }
}
