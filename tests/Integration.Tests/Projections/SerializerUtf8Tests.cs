using System.Buffers;
using System.Text;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

public class SerializerUtf8Tests
{
    public sealed record Note(string Text, int Size);

    [Fact] // Given texts long enough to span the builder's chunks, with surrogate pairs at every offset, when events are written as UTF-8, then the bytes are the JSON's.
    public void Utf8_written_to_a_buffer_is_the_json_text_encoded_whole()
    {
        var serializer = new NewtonsoftMartenSerializer();
        foreach (var size in new[] { 0, 1, 2047, 2048, 4095, 4096, 8191, 8192, 8193, 20_000, 70_001 })
        {
            foreach (var offset in new[] { 0, 1 })
            {
                // "é" (2 bytes), "€" (3 bytes) and an emoji (4 bytes, two UTF-16 units) so a chunk may end mid-pair.
                var text = new string('a', offset) + string.Concat(Enumerable.Repeat("é€😀", size / 4 + 1))[..size] + "\u0000\"\\";
                var note = new Note(text, size);
                var buffer = new ArrayBufferWriter<byte>(16);
                serializer.WriteTo(buffer, note);
                buffer.WrittenSpan.ToArray().ShouldBe(Encoding.UTF8.GetBytes(serializer.ToJson(note)), $"{size}+{offset}");
            }
        }
    }

    [Fact] // Given an event serialized ahead of its save, when Marten writes it, then it gets the same bytes; any other object is serialized then.
    public void An_event_prepared_ahead_is_written_as_it_would_have_been()
    {
        var serializer = new NewtonsoftMartenSerializer();
        var prepared = new Note("prepared 😀", 1);
        var other = new Note("prepared 😀", 1);
        serializer.Prepare(prepared);

        var fromPrepared = new ArrayBufferWriter<byte>();
        serializer.WriteTo(fromPrepared, prepared);
        var fromOther = new ArrayBufferWriter<byte>();
        serializer.WriteTo(fromOther, other);

        fromPrepared.WrittenSpan.ToArray().ShouldBe(Encoding.UTF8.GetBytes(serializer.ToJson(prepared)));
        fromOther.WrittenSpan.ToArray().ShouldBe(fromPrepared.WrittenSpan.ToArray());
    }
}
