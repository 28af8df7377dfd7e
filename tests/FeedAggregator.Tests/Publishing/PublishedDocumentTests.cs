using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FeedAggregator.Publishing;

namespace FeedAggregator.Tests.Publishing;

public sealed class PublishedDocumentTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>The same paragraph, again.</p>\n", 200)));
    private static readonly DateTimeOffset Modified = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_etag_is_a_quoted_strong_validator_from_the_content_hash()
    {
        var document = PublishedDocument.Create(FeedDocument.Atom, Content, Modified);

        Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(Content))[..32] + "\"", document.ETag);
        Assert.Equal(document.ETag, PublishedDocument.Create(FeedDocument.Rss, [.. Content], Modified).ETag);
        Assert.NotEqual(document.ETag, PublishedDocument.Create(FeedDocument.Atom, [.. Content, (byte)'x'], Modified).ETag);
        Assert.Same(FeedDocument.Atom, document.Document);
        Assert.Equal(Modified, document.LastModified);
    }

    [Fact]
    public void The_gzip_and_brotli_codings_decode_to_the_content()
    {
        var document = PublishedDocument.Create(FeedDocument.Html, Content, Modified);

        Assert.Equal(Content, Decode(new GZipStream(new MemoryStream(document.Gzip), CompressionMode.Decompress)));
        Assert.Equal(Content, Decode(new BrotliStream(new MemoryStream(document.Brotli), CompressionMode.Decompress)));
        Assert.True(document.Gzip.Length < Content.Length / 4);
    }

    [Fact]
    public void The_weight_is_the_content_in_every_coding()
    {
        var document = PublishedDocument.Create(FeedDocument.Json, Content, Modified);

        Assert.Equal(Content.Length + document.Gzip.Length + document.Brotli.Length, document.Weight);
    }

    [Fact]
    public void The_html_page_is_index_html_served_as_utf8_html()
    {
        Assert.Equal("index.html", FeedDocument.Html.FileName);
        Assert.Equal("text/html; charset=utf-8", FeedDocument.Html.MediaType);
    }

    private static byte[] Decode(Stream decompressor)
    {
        using (decompressor)
        using (var output = new MemoryStream())
        {
            decompressor.CopyTo(output);
            return output.ToArray();
        }
    }
}
