using FeedAggregator.Worker.Http;

namespace FeedAggregator.Tests.Worker.Http;

public sealed class ContentCodingTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("GZIP;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("deflate", null)]
    [InlineData("x-gzip", "gzip")]
    [InlineData(" gzip , br;q=0 ", "gzip")]
    [InlineData("br ; q=0, gzip", "gzip")]
    [InlineData("gzip;Q=0, br;q=0", null)]
    [InlineData("gzip;q=0.001", "gzip")]
    [InlineData("br;level=5", "br")]
    [InlineData("br;x=0", "br")]
    [InlineData("br;q=zero", "br")]
    [InlineData("*;q=0", null)]
    [InlineData("gzip, *", "br")]
    [InlineData("br;q=0, gzip;q=0, *", null)]
    [InlineData(",,", null)]
    public void Picks_the_best_precompressed_coding_the_client_accepts(string? header, string? expected) =>
        Assert.Equal(expected, ContentCoding.Choose(header));
}
