using System.Buffers;
using System.Data.Common;
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

    /// <summary>
    /// One builder per thread, reused: a rebuild serializes hundreds of thousands of documents, and growing a new
    /// builder for each was garbage the size of every document, twice over.
    /// </summary>
    private static string Serialize(JsonSerializer serializer, object? value)
    {
        var builder = _cachedBuilder ?? new StringBuilder(4096);
        _cachedBuilder = null; // a nested call (a converter serializing) gets a builder of its own
        try
        {
            using var text = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture);
            using var json = new JsonTextWriter(text) { ArrayPool = JsonBufferPool.Instance };
            serializer.Serialize(json, value);
            json.Flush();
            return builder.ToString();
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

    public void WriteTo(IBufferWriter<byte> writer, object? value) => Write(writer, ToJson(value));

    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => Write(writer, ToJson(value));

    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object value) => Write(writer, ToJsonWithTypes(value));

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

    private static void Write(IBufferWriter<byte> writer, string json)
    {
        var count = Utf8.GetByteCount(json);
        var span = writer.GetSpan(count);
        Utf8.GetBytes(json, span);
        writer.Advance(count);
    }
}
