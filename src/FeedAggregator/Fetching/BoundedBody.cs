using System.Buffers;
using System.IO.Compression;

namespace FeedAggregator.Fetching;

/// <summary>Reads a response body with a hard cap, counted on the decompressed stream.</summary>
internal static class BoundedBody
{
    private const int ChunkSize = 81920;

    // A server's Content-Length is a claim, not a reason to reserve its size up front.
    private const long MaxInitialCapacity = 1024 * 1024;

    /// <summary>The body, or null as soon as it grows past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        // A declared length over the cap fails before a single byte is read. With automatic
        // decompression the handler drops Content-Length, so a gzip body is only counted below.
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(declared ?? ChunkSize, Math.Min(maxBytes, MaxInitialCapacity)));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType == typeof(BrotliStream))
        {
            // BrotliStream reports corrupt input as InvalidOperationException; gzip and deflate
            // say InvalidDataException. One exception type for one failure: a bad body.
            throw new InvalidDataException(ex.Message, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
