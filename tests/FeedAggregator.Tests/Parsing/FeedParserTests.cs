using System.Diagnostics.Metrics;
using System.Text;
using FeedAggregator.Parsing;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The parsing stage's entry point: the size limit, a byte order mark, and the count of documents it could not read.</summary>
public sealed class FeedParserTests
{
    private const string JsonFeed = """{"version":"https://jsonfeed.org/version/1.1","title":"Kitchen","items":[{"id":"1","title":"Soup"}]}""";

    [Fact]
    public void A_document_of_exactly_the_size_limit_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonFeed);
        var parser = new FeedParser(Options.Create(new ParsingOptions { MaxDocumentBytes = bytes.Length }));

        Assert.True(parser.Parse(bytes).IsSuccess);
        var tooLarge = new FeedParser(Options.Create(new ParsingOptions { MaxDocumentBytes = bytes.Length - 1 })).Parse(bytes);
        Assert.StartsWith($"the document is {bytes.Length:N0} bytes, more than the limit of", tooLarge.Error);
    }

    [Fact]
    public void A_json_feed_after_a_utf8_byte_order_mark_is_read_as_json()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(JsonFeed)];

        var result = FeedParser.Default.Parse(bytes);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(FeedFormat.Json11, result.Feed!.Format);
        Assert.Equal("Soup", result.Feed.Entries[0].Title);
    }

    [Fact]
    public void Each_document_that_cannot_be_read_is_counted_by_its_format_or_what_it_looked_like()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var collector = Measured.Collect<long>(services, "feedagg.parse.errors");
        var parser = new FeedParser(Options.Create(new ParsingOptions()), new ParseMetrics(services.GetRequiredService<IMeterFactory>()));

        Assert.True(parser.Parse(Encoding.UTF8.GetBytes(JsonFeed)).IsSuccess); // not counted
        Assert.False(parser.Parse(Encoding.UTF8.GetBytes("  \n ")).IsSuccess);
        Assert.False(parser.Parse(Encoding.UTF8.GetBytes("""{"title":"not a feed"}""")).IsSuccess);
        Assert.False(parser.Parse(Encoding.UTF8.GetBytes("<html><body>Not a feed</body></html>")).IsSuccess);

        Assert.Equal(
            [("unknown", 1L), ("json", 1L), ("xml", 1L)],
            collector.GetMeasurementSnapshot().Select(m => ((string)m.Tags["format"]!, m.Value)));
        Assert.Equal("{document}", collector.Instrument!.Unit);
        Assert.StartsWith("Documents that could not be parsed, by format", collector.Instrument.Description);
    }

    [Fact]
    public void A_failure_whose_format_was_detected_is_counted_under_that_format()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var collector = Measured.Collect<long>(services, "feedagg.parse.errors");
        var metrics = new ParseMetrics(services.GetRequiredService<IMeterFactory>());

        metrics.Failed(FeedFormat.Atom10, "xml");
        metrics.Failed(null, "json");

        Assert.Equal([("atom10", 1L), ("json", 1L)], collector.GetMeasurementSnapshot().Select(m => ((string)m.Tags["format"]!, m.Value)));
    }
}
