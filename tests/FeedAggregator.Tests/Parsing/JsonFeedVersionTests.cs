using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>JSON Feeds whose "version" is a bare number, or missing on a document shaped like a feed.</summary>
public sealed class JsonFeedVersionTests
{
    [Theory]
    [InlineData("version-1.json", FeedFormat.Json10, "Kiln Log", 1)]
    [InlineData("version-1.0.json", FeedFormat.Json10, "Harbour Tides", 2)]
    [InlineData("version-1.1.json", FeedFormat.Json11, "Quiet Streets", 1)]
    public void A_short_version_is_read_with_a_warning(string fixture, FeedFormat format, string title, int entries)
    {
        var feed = ParseFeed("JsonVersion/" + fixture);

        Assert.Equal(format, feed.Format);
        Assert.Equal(title, feed.Title);
        Assert.Equal(entries, feed.Entries.Count);
        Assert.Contains("not https://jsonfeed.org/version/", Assert.Single(feed.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_version_is_read_when_the_document_has_items_and_a_title()
    {
        var feed = ParseFeed("JsonVersion/version-missing.json");

        Assert.Equal(FeedFormat.Json11, feed.Format);
        Assert.Equal(["First", "Second"], feed.Entries.Select(e => e.Title));
        Assert.Contains("no \"version\"", Assert.Single(feed.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void The_full_version_url_needs_no_warning()
    {
        var feed = ParseFeed("jsonfeed-11.json");

        Assert.DoesNotContain(feed.Warnings, w => w.Contains("version", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"version": "2", "title": "T", "items": []}""")]
    [InlineData("""{"version": "1.1.1", "title": "T", "items": []}""")]
    [InlineData("""{"title": "T", "items": {}}""")]
    public void Other_versions_and_shapes_are_still_refused(string document)
    {
        Assert.False(ParseText(document).IsSuccess);
    }

    [Theory]
    [InlineData("1", FeedFormat.Json10, "the JSON Feed \"version\" is \"1\", not https://jsonfeed.org/version/1; read as that version")]
    [InlineData("1.1", FeedFormat.Json11, "the JSON Feed \"version\" is \"1.1\", not https://jsonfeed.org/version/1.1; read as that version")]
    public void The_warning_for_a_short_version_names_the_url_it_stands_for(string version, FeedFormat format, string warning)
    {
        var feed = ParseText($$"""{"version": "{{version}}", "title": "T", "items": []}""").Feed!;

        Assert.Equal(format, feed.Format);
        Assert.Equal(warning, Assert.Single(feed.Warnings));
    }

    [Theory]
    [InlineData("http://jsonfeed.org/version/1", FeedFormat.Json10)]
    [InlineData("http://jsonfeed.org/version/1.1", FeedFormat.Json11)]
    public void The_early_http_version_url_is_read_without_a_warning(string version, FeedFormat format)
    {
        var feed = ParseText($$"""{"version": "{{version}}", "title": "T", "items": []}""").Feed!;

        Assert.Equal(format, feed.Format);
        Assert.Empty(feed.Warnings);
    }
}
