using System.IO.Compression;
using System.Security.Cryptography;

namespace FeedAggregator.Publishing;

/// <summary>One rendered output, ready to serve: the bytes, compressed once, and their HTTP validators.</summary>
/// <param name="ETag">A strong validator, quoted, from the content's hash (the identity representation).</param>
/// <param name="LastModified">The newest change in the content, UTC, whole seconds.</param>
/// <param name="Gzip">The content gzip-compressed, once per rendering rather than once per request.</param>
/// <param name="Brotli">The content Brotli-compressed, likewise.</param>
public sealed record PublishedDocument(
    FeedDocument Document, byte[] Content, string ETag, DateTimeOffset LastModified, byte[] Gzip, byte[] Brotli)
{
    /// <summary>The memory this rendering holds: the content in every coding.</summary>
    public long Weight => (long)Content.Length + Gzip.Length + Brotli.Length;

    public static PublishedDocument Create(FeedDocument document, byte[] content, DateTimeOffset lastModified)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content), 0, 16) + "\"";
        return new PublishedDocument(document, content, etag, lastModified, Compress(content, gzip: true), Compress(content, gzip: false));
    }

    private static byte[] Compress(byte[] content, bool gzip)
    {
        using var output = new MemoryStream(content.Length / 4 + 64);
        using (Stream compressor = gzip
                   ? new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)
                   : new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(content);
        }

        return output.ToArray();
    }
}
