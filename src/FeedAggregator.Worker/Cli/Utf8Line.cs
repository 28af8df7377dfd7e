using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// One line of <c>feedagg parse</c> output as UTF-8, held in pooled segments until it is printed.
/// A large document's JSON line (tens of megabytes) is never doubled while it grows, as a single
/// growing array would be, nor copied whole into a UTF-16 string: it is decoded in small chunks
/// as it is written.
/// </summary>
internal sealed class Utf8Line : IDisposable
{
    // A pipe that never pauses its writer is a list of pooled segments the JSON writer can fill.
    private static readonly PipeOptions Segments = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false);
    private const int ChunkChars = 16 * 1024;

    private readonly Pipe _pipe;
    private readonly ReadOnlySequence<byte> _bytes;

    private Utf8Line(Pipe pipe)
    {
        _pipe = pipe;
        if (!pipe.Reader.TryRead(out var read))
            throw new InvalidOperationException("the line was not written");
        _bytes = read.Buffer;
    }

    /// <summary>Bytes of UTF-8, without the line feed.</summary>
    public long Length => _bytes.Length;

    /// <summary>Writes the line with <paramref name="write"/> into pooled segments.</summary>
    public static Utf8Line Write(Action<IBufferWriter<byte>> write)
    {
        var pipe = new Pipe(Segments);
        write(pipe.Writer);
        // Completes at once: a pipe without a writer threshold never makes a flush wait.
        pipe.Writer.FlushAsync().GetAwaiter().GetResult();
        pipe.Writer.Complete();
        return new Utf8Line(pipe);
    }

    public static Utf8Line From(string text) => Write(buffer => Encoding.UTF8.GetBytes(text, buffer));

    /// <summary>Appends the line's text (a short line: the output's blocks are built of these).</summary>
    public void AppendTo(StringBuilder text)
    {
        foreach (var chunk in Decode())
            text.Append(chunk.Span);
    }

    /// <summary>Writes the line's text in chunks, then a line feed.</summary>
    public async Task WriteLineAsync(TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var chunk in Decode())
            await output.WriteAsync(chunk, cancellationToken);
        await output.WriteAsync('\n');
    }

    // A chunk's characters are valid until the next one is decoded.
    private IEnumerable<ReadOnlyMemory<char>> Decode()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(ChunkChars);
        try
        {
            var left = _bytes.Length;
            foreach (var memory in _bytes)
            {
                // A character split between two segments waits in the decoder for its other bytes.
                left -= memory.Length;
                var segment = memory;
                var completed = false;
                while (!completed)
                {
                    decoder.Convert(segment.Span, chars, flush: left == 0, out var used, out var written, out completed);
                    segment = segment[used..];
                    if (written > 0)
                        yield return chars.AsMemory(0, written);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public void Dispose() => _pipe.Reader.Complete();
}
