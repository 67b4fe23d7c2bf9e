using System.Text;

namespace Spiisee.EventSourced.Projections.Journal;

/// <summary>One physical line of a journal: its text, or why it could not be read as text.</summary>
public readonly record struct RawLine(int Number, string? Text, string? Code, string? Message);

/// <summary>
/// Splits a journal stream into lines without trusting it: a line longer than <see cref="MaxLineBytes"/> is reported
/// <c>LineTooLong</c> and skipped as it streams (never buffered whole, so memory stays bounded whatever its size), and
/// a line that is not valid UTF-8 is reported <c>InvalidEncoding</c> on its own; the lines around either are read as usual.
/// </summary>
public sealed class JournalLineReader(Stream stream)
{
    public const int MaxLineBytes = 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private int _number;

    public async IAsyncEnumerable<RawLine> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, ct);
                if (_end == 0)
                {
                    if (_line.Length > 0 || tooLong)
                    {
                        yield return Complete(tooLong);
                    }
                    yield break;
                }
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            if (!tooLong)
            {
                if (_line.Length + (stop - _start) > MaxLineBytes)
                {
                    tooLong = true;
                    _line.SetLength(0);
                }
                else
                {
                    _line.Write(_buffer, _start, stop - _start);
                }
            }
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                yield return Complete(tooLong);
                tooLong = false;
            }
        }
    }

    private RawLine Complete(bool tooLong)
    {
        _number++;
        try
        {
            if (tooLong)
            {
                return new RawLine(_number, null, InvalidCodes.LineTooLong, $"the line is longer than {MaxLineBytes} bytes");
            }
            var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            {
                bytes = bytes[..^1];
            }
            if (_number == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }
            try
            {
                return new RawLine(_number, Strict.GetString(bytes), null, null);
            }
            catch (DecoderFallbackException e)
            {
                return new RawLine(_number, null, InvalidCodes.InvalidEncoding, $"the line is not valid UTF-8 (byte {e.Index} of the line)");
            }
        }
        finally
        {
            _line.SetLength(0);
        }
    }
}
