using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Fetching;

/// <summary>Decompression, the body cap, the total timeout and network failures.</summary>
public sealed class FeedFetcherLimitsTests
{
    // Bounds a test that would otherwise hang if the fetcher ignored its timeout; not an assertion on speed.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_gzip_body_is_decoded()
    {
        var document = Fixtures.Read("news.rss.xml");
        var compressed = Gzip(document);
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed);
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(document, result.Body);
        Assert.Equal("application/rss+xml", result.ContentType);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_fails()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return context.Response.WriteAsync("<rss>this was never gzip</rss>");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith("invalid compressed body", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_corrupt_body_in_other_encodings_fails(string encoding)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            return context.Response.Body.WriteAsync(Fixtures.Read("truncated.rss.xml")).AsTask();
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith("invalid compressed body", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1000, false)]
    [InlineData(999, true)]
    public async Task A_body_up_to_the_cap_is_accepted(int length, bool withContentLength)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", WriteBody(length, withContentLength));
        using var harness = new FetcherHarness(o => o.MaxBodyBytes = 1000);

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(length, result.Body!.Length);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_cap_fails()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", WriteBody(1001, withContentLength: false));
        using var harness = new FetcherHarness(o => o.MaxBodyBytes = 1000);

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("response larger than 1000 bytes", result.Error);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_without_waiting_for_the_body()
    {
        // The server promises 10 MB, sends a few bytes and stalls: only the declared length can fail this fetch.
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.ContentLength = 10 * 1024 * 1024;
            await context.Response.WriteAsync("<rss>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client hung up, as it should.
            }
        });
        using var harness = new FetcherHarness(o =>
        {
            o.MaxBodyBytes = 1024 * 1024;
            o.Timeout = TimeSpan.FromSeconds(10);
        });

        var result = await harness.FetchAsync(server.Url("/feed")).WaitAsync(HangGuard);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("response larger than 1 MB", result.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_fails(bool withContentLength)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", WriteBody(300_000, withContentLength));
        using var harness = new FetcherHarness(o => o.MaxBodyBytes = 100 * 1024);

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("response larger than 100 KB", result.Error);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task The_cap_counts_decompressed_bytes()
    {
        // 2 MB of spaces gzip to a few KB: small on the wire, too big once decoded.
        var compressed = Gzip(new byte[2 * 1024 * 1024]);
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(compressed);
        });
        using var harness = new FetcherHarness(o => o.MaxBodyBytes = 1024 * 1024);

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.True(compressed.Length < 1024 * 1024);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("response larger than 1 MB", result.Error);
    }

    [Fact]
    public async Task A_body_that_trickles_in_slower_than_the_timeout_times_out()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Trickle);
        using var harness = new FetcherHarness(o => o.Timeout = TimeSpan.FromSeconds(1));

        var result = await harness.FetchAsync(server.Url("/feed")).WaitAsync(HangGuard);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 1 s", result.Error);
    }

    [Fact]
    public async Task Headers_that_never_come_time_out()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted));
        using var harness = new FetcherHarness(o => o.Timeout = TimeSpan.FromMilliseconds(500));

        var result = await harness.FetchAsync(server.Url("/feed")).WaitAsync(HangGuard);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 500 ms", result.Error);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates_instead_of_a_result()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Trickle);
        using var harness = new FetcherHarness();
        using var cancellation = new CancellationTokenSource();

        var fetch = harness.Fetcher.FetchAsync(new FetchRequest(server.Url("/feed")), cancellation.Token);
        await WaitForRequestAsync(server);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(HangGuard));
    }

    [Fact]
    public async Task A_refused_connection_fails_with_the_endpoint()
    {
        var port = UnusedPort();
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed.xml"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal($"connection refused (127.0.0.1:{port})", result.Error);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_fails()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>cut");
            await context.Response.Body.FlushAsync();
            context.Abort();
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        // An abort reaches the client as a reset or as an early end, depending on timing.
        Assert.Matches(@"^(connection reset|connection closed before the response was complete) \(127\.0\.0\.1:\d+\)$", result.Error);
    }

    private static async Task Trickle(HttpContext context)
    {
        context.Response.ContentType = "application/rss+xml";
        await context.Response.StartAsync();
        try
        {
            for (var i = 0; i < 300; i++)
            {
                await context.Response.WriteAsync("<!-- still here -->\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(200, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up: that is the point of the test.
        }
    }

    private static async Task WaitForRequestAsync(LocalHttpServer server)
    {
        while (server.Requests.Count == 0)
        {
            await Task.Delay(20);
        }
    }

    private static RequestDelegate WriteBody(int length, bool withContentLength) => async context =>
    {
        if (withContentLength)
        {
            context.Response.ContentLength = length;
        }

        var chunk = new byte[10_000];
        Array.Fill(chunk, (byte)'x');
        for (var written = 0; written < length; written += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - written)), context.RequestAborted);
        }
    };

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
