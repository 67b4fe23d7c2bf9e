using System.Text;
using Newtonsoft.Json;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>A value's JSON as UTF-8 bytes of exactly its length, written through one reused buffer per thread.</summary>
public static class JsonBytes
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // A large account's month is 100 KB of JSON: a fresh stream grew through every size up to it, each copy garbage,
    // the last ones on the large object heap.
    [ThreadStatic]
    private static MemoryStream? _buffer;

    private const int MaxKeptBuffer = 1 << 20;

    /// <summary>One serializer for every response: JsonConvert with settings builds a new one (and its converters) per call.</summary>
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(JsonSettings.Create());

    public static byte[] Of(object value) => Of(Serializer, value);

    public static byte[] Of(JsonSerializer serializer, object value)
    {
        var buffer = _buffer ?? new MemoryStream(16 * 1024);
        _buffer = null; // a nested call gets a buffer of its own
        try
        {
            buffer.SetLength(0);
            using (var writer = new StreamWriter(buffer, Utf8, 4 * 1024, leaveOpen: true))
            using (var json = new JsonTextWriter(writer) { ArrayPool = JsonBufferPool.Instance })
            {
                serializer.Serialize(json, value);
            }
            return buffer.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= MaxKeptBuffer)
            {
                _buffer = buffer;
            }
        }
    }
}
