using System.IO.Compression;
using System.Net;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>The merged feed's documents over HTTP: media types, validators, 304, HEAD, gzip and br.</summary>
[Collection(ServedFeedsCollection.Name)]
public sealed class FeedEndpointTests(ServedFeeds served)
{
    public static TheoryData<string, string> Documents => new()
    {
        { "/feed.atom", "application/atom+xml; charset=utf-8" },
        { "/feed.rss", "application/rss+xml; charset=utf-8" },
        { "/feed.json", "application/feed+json; charset=utf-8" },
        { "/", "text/html; charset=utf-8" },
        { "/index.html", "text/html; charset=utf-8" },
        { "/category/Tech/feed.atom", "application/atom+xml; charset=utf-8" },
        { "/category/Tech/feed.rss", "application/rss+xml; charset=utf-8" },
        { "/category/World/feed.json", "application/feed+json; charset=utf-8" },
    };

    public static TheoryData<string> Paths => new(Documents.Select(d => (string)d[0]));

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Serves_each_document_with_its_media_type_validators_and_cache_lifetime(string path, string mediaType)
    {
        using var response = await served.Client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.ToString());
        Assert.Matches("^\"[^\"]+\"$", response.Headers.ETag?.ToString()); // strong
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString()); // Polling:CheckEvery
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.NotEmpty(body);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_etag_back_gets_304_with_no_body_and_the_same_validators(string path)
    {
        var (etag, lastModified) = await ValidatorsAsync(path);

        foreach (var ifNoneMatch in new[] { etag, "W/" + etag, "*", $"\"other\", {etag}" })
        {
            using var response = await SendAsync(HttpMethod.Get, path, r => r.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));
            Assert.True(HttpStatusCode.NotModified == response.StatusCode, $"If-None-Match: {ifNoneMatch} got {(int)response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, response.Headers.ETag?.ToString());
            Assert.Equal(lastModified, response.Content.Headers.LastModified);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Another_etag_gets_the_document(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"not-this-one\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task If_modified_since_gets_304_from_the_last_modified_time_on_and_the_document_before_it(string path)
    {
        var (_, lastModified) = await ValidatorsAsync(path);

        using var same = await SendAsync(HttpMethod.Get, path, r => r.Headers.IfModifiedSince = lastModified);
        using var later = await SendAsync(HttpMethod.Get, path, r => r.Headers.IfModifiedSince = lastModified.AddDays(1));
        using var earlier = await SendAsync(HttpMethod.Get, path, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
        using var etagWins = await SendAsync(HttpMethod.Get, path, r =>
        {
            r.Headers.IfModifiedSince = lastModified;
            r.Headers.TryAddWithoutValidation("If-None-Match", "\"not-this-one\"");
        });

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.OK, etagWins.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Head_answers_the_headers_of_get_without_a_body(string path)
    {
        using var get = await served.Client.GetAsync(path);
        using var head = await SendAsync(HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("/feed.atom", "gzip")]
    [InlineData("/feed.atom", "br")]
    [InlineData("/feed.rss", "gzip")]
    [InlineData("/feed.json", "br")]
    [InlineData("/", "gzip")]
    [InlineData("/category/Tech/feed.atom", "br")]
    public async Task Compressed_answers_decompress_to_the_same_bytes_under_an_etag_of_their_own(string path, string coding)
    {
        using var plain = await served.Client.GetAsync(path);
        var identity = await plain.Content.ReadAsByteArrayAsync();
        using var compressed = await SendAsync(HttpMethod.Get, path, r => r.Headers.AcceptEncoding.ParseAdd($"{coding}, identity;q=0.5"));
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        using var head = await SendAsync(HttpMethod.Head, path, r => r.Headers.AcceptEncoding.ParseAdd(coding));

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
        Assert.Equal(identity, Decompress(bytes, coding));
        Assert.True(bytes.Length < identity.Length, $"{coding}: {bytes.Length} bytes, identity {identity.Length}");
        Assert.Equal(bytes.Length, compressed.Content.Headers.ContentLength);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        var plainTag = plain.Headers.ETag!.Tag;
        Assert.Equal(plainTag.Insert(plainTag.Length - 1, "-" + coding), compressed.Headers.ETag?.Tag);

        // Any coding's ETag names the same content: each gets a 304 whatever the client accepts now.
        using var crossed = await SendAsync(HttpMethod.Get, path, r => r.Headers.TryAddWithoutValidation("If-None-Match", compressed.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NotModified, crossed.StatusCode);
    }

    [Fact]
    public async Task A_coding_refused_with_q_0_is_not_used()
    {
        using var response = await SendAsync(HttpMethod.Get, "/feed.atom", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=0, gzip;q=0"));
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private async Task<(string ETag, DateTimeOffset LastModified)> ValidatorsAsync(string path)
    {
        using var response = await served.Client.GetAsync(path);
        return (response.Headers.ETag!.ToString(), response.Content.Headers.LastModified!.Value);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        configure?.Invoke(request);
        return await served.Client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
