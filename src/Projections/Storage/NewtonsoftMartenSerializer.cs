using System.Buffers;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Marten's serializer over Newtonsoft.Json (the stock plug-in is not served here). Events and documents are
/// immutable records: Newtonsoft binds them through their constructors.
/// </summary>
public sealed class NewtonsoftMartenSerializer : Marten.ISerializer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly JsonSerializer _serializer = JsonSerializer.Create(JsonSettings.Create());
    private readonly JsonSerializer _withTypes;

    // Events serialized ahead of their save, by the object itself (events are immutable records); an entry goes with
    // its event.
    private readonly ConditionalWeakTable<object, ArrayBufferWriter<byte>> _prepared = new();

    public NewtonsoftMartenSerializer()
    {
        var settings = JsonSettings.Create();
        settings.TypeNameHandling = TypeNameHandling.Objects;
        _withTypes = JsonSerializer.Create(settings);
    }

    public EnumStorage EnumStorage => EnumStorage.AsString;

    public Casing Casing => Casing.CamelCase;

    public Marten.ValueCasting ValueCasting => Marten.ValueCasting.Relaxed;

    public string ToJson(object? document) => Serialize(_serializer, document);

    public string ToCleanJson(object? document) => ToJson(document);

    public string ToJsonWithTypes(object document) => Serialize(_withTypes, document);

    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    private static string Serialize(JsonSerializer serializer, object? value) => Serialize(serializer, value, static b => b.ToString());

    /// <summary>
    /// Writes into one builder per thread, reused, and hands it to <paramref name="take"/>: a rebuild serializes
    /// hundreds of thousands of documents, and growing a new builder for each was garbage the size of every document,
    /// twice over.
    /// </summary>
    private static T Serialize<T>(JsonSerializer serializer, object? value, Func<StringBuilder, T> take)
    {
        var builder = _cachedBuilder ?? new StringBuilder(4096);
        _cachedBuilder = null; // a nested call (a converter serializing) gets a builder of its own
        try
        {
            using var text = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture);
            using var json = new JsonTextWriter(text) { ArrayPool = JsonBufferPool.Instance };
            serializer.Serialize(json, value);
            json.Flush();
            return take(builder);
        }
        finally
        {
            if (builder.Capacity <= MaxCachedBuilder)
            {
                builder.Clear();
                _cachedBuilder = builder;
            }
        }
    }

    /// <summary>
    /// The builder's text as UTF-8, straight into Marten's buffer (how events are written): no string of the JSON is
    /// made only to be encoded and dropped.
    /// </summary>
    private static void Serialize(IBufferWriter<byte> writer, JsonSerializer serializer, object? value) => Serialize(serializer, value, builder =>
    {
        var encoder = Utf8.GetEncoder();
        var chunks = builder.GetChunks();
        var more = chunks.MoveNext();
        while (more)
        {
            var chunk = chunks.Current.Span;
            more = chunks.MoveNext();
            // A chunk may end between the two halves of a surrogate pair: the encoder keeps the first until the next.
            var span = writer.GetSpan(Utf8.GetMaxByteCount(chunk.Length));
            var written = encoder.GetBytes(chunk, span, flush: !more);
            writer.Advance(written);
        }
        return 0;
    });

    private const int MaxCachedBuilder = 256 * 1024;

    public void WriteToParameter(NpgsqlParameter parameter, object? value)
    {
        parameter.NpgsqlDbType = NpgsqlDbType.Jsonb;
        parameter.Value = ToJson(value);
    }

    public void WriteToParameter(DbParameter parameter, object? value)
    {
        if (parameter is NpgsqlParameter npgsql)
        {
            WriteToParameter(npgsql, value);
            return;
        }
        parameter.Value = ToJson(value);
    }

    public void WriteTo(IBufferWriter<byte> writer, object? value)
    {
        if (value is not null && _prepared.TryGetValue(value, out var utf8))
        {
            writer.Write(utf8.WrittenSpan);
            return;
        }
        Serialize(writer, _serializer, value);
    }

    /// <summary>
    /// Serializes an event now, for the save that will write it: an import decides a batch while the batch before is
    /// being saved, and the save is what it waits on, so the events' JSON is made on the deciding side.
    /// </summary>
    public void Prepare(object @event)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Serialize(buffer, _serializer, @event);
        _prepared.AddOrUpdate(@event, buffer);
    }

    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => Serialize(writer, _serializer, value);

    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object value) => Serialize(writer, _withTypes, value);

    public T FromJson<T>(Stream stream) => (T)FromJson(typeof(T), stream);

    public object FromJson(Type type, Stream stream)
    {
        using var reader = new JsonTextReader(new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            ArrayPool = JsonBufferPool.Instance,
        };
        return _serializer.Deserialize(reader, type)!;
    }

    public T FromJson<T>(DbDataReader reader, int index) => (T)FromJson(typeof(T), reader, index);

    public object FromJson(Type type, DbDataReader reader, int index)
    {
        using var text = reader.GetTextReader(index);
        using var json = new JsonTextReader(text) { ArrayPool = JsonBufferPool.Instance };
        return _serializer.Deserialize(json, type)!;
    }

    public ValueTask<T> FromJsonAsync<T>(Stream stream, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson<T>(stream));

    public ValueTask<object> FromJsonAsync(Type type, Stream stream, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson(type, stream));

    public ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson<T>(reader, index));

    public ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson(type, reader, index));
}
