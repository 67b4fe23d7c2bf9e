using System.Buffers;
using Newtonsoft.Json;

namespace Spiisee.EventSourced.Projections.Storage;

/// <summary>
/// Newtonsoft's readers and writers take their working buffers from the shared pool instead of allocating a fresh
/// one per event or document: a rebuild deserializes a million events, and those buffers were most of its garbage.
/// </summary>
public sealed class JsonBufferPool : IArrayPool<char>
{
    public static readonly JsonBufferPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
