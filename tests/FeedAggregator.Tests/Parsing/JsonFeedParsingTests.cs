using FeedAggregator.Model;
using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class JsonFeedParsingTests
{
    [Fact]
    public void Reads_a_json_feed_11()
    {
        var feed = ParseFeed("jsonfeed-11.json", documentUrl: new Uri("https://kitchen.example.org/feed.json"));

        Assert.Equal(FeedFormat.Json11, feed.Format);
        Assert.Equal("Tiny Kitchen", feed.Title);
        Assert.Equal("https://kitchen.example.org/", feed.Link);
        Assert.Equal("Recipes for small spaces", feed.Description);
        Assert.Equal("en-US", feed.Language);
        Assert.Equal(new Uri("https://kitchen.example.org/feed.json"), feed.BaseUrl);
        Assert.Equal(3, feed.Entries.Count);

        var soup = feed.Entries[0];
        Assert.Equal("https://kitchen.example.org/miso-soup", soup.Id);
        Assert.Equal("https://kitchen.example.org/miso-soup", soup.Link);
        Assert.Equal("Five-minute miso soup", soup.Title);
        Assert.Equal("<p>Warm the <em>dashi</em>, whisk in the miso.</p>", soup.Content);
        Assert.Equal("Dashi, miso &amp; tofu.", soup.Summary);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 12, 30, 0, TimeSpan.Zero), soup.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 8, 0, 0, TimeSpan.Zero), soup.Updated);
        Assert.Equal(["Sam Ito"], soup.Authors); // the feed's authors
        Assert.Equal(["soup", "japanese"], soup.Categories);
        Assert.Equal(
            [new Enclosure("https://kitchen.example.org/miso.mp4", "video/mp4", 10485760),
             new Enclosure("https://kitchen.example.org/miso.vtt", "text/vtt", null)],
            soup.Enclosures);
    }

    [Fact]
    public void Tolerates_numeric_ids_text_content_bad_dates_and_values_of_the_wrong_kind()
    {
        var feed = ParseFeed("jsonfeed-11.json");

        var bread = feed.Entries[1];
        Assert.Equal("4711", bread.Id);
        Assert.Equal("https://elsewhere.example.com/bread", bread.Link);
        Assert.Equal("Use a pan &amp; a lid.\nWait &lt;10 minutes&gt;.", bread.Content);
        Assert.Null(bread.Published);
        Assert.Equal(["Lee Park"], bread.Authors);
        Assert.Equal("ko", bread.Language);
        Assert.Contains(feed.Warnings, w => w.Contains("not a date", StringComparison.Ordinal));

        var note = feed.Entries[2];
        Assert.Null(note.Title);
        Assert.Empty(note.Categories);
        Assert.Equal(["Sam Ito"], note.Authors);
    }

    [Fact]
    public void Reads_a_json_feed_10_with_singular_authors()
    {
        var feed = ParseFeed("jsonfeed-10.json");

        Assert.Equal(FeedFormat.Json10, feed.Format);
        Assert.Equal(["Item Author"], feed.Entries[0].Authors);
        Assert.Equal(["Feed Author"], feed.Entries[1].Authors);
        Assert.Equal(new DateTimeOffset(2019, 5, 2, 9, 0, 0, TimeSpan.Zero), feed.Entries[1].Published); // from date_modified
        Assert.Equal("Hello &amp; welcome", feed.Entries[0].Content);
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 10, 0, 0, TimeSpan.Zero), feed.Entries[0].Published);
    }

    [Fact]
    public void Keeps_the_items_read_before_a_cut_off()
    {
        var feed = ParseFeed("jsonfeed-truncated.json");

        Assert.Equal(["Complete one", "Complete two"], feed.Entries.Select(e => e.Title));
        var warning = Assert.Single(feed.Warnings);
        Assert.Contains("cut-off JSON", warning, StringComparison.Ordinal);
        Assert.Contains("LineNumber", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title": "No version"}""", "\"version\" is missing")]
    [InlineData("""{"items": []}""", "\"version\" is missing")]
    [InlineData("""{"version": "https://example.com/v2", "items": []}""", "\"https://example.com/v2\"")]
    [InlineData("""[1, 2, 3]""", "not an object")]
    [InlineData("""{"version": "https://jsonfeed.org/version/1.1", "items": [""", "cut-off JSON")]
    [InlineData("""{"version": """, "cut-off JSON")]
    public void Fails_clearly_on_json_that_is_not_a_feed(string document, string expected)
    {
        var result = ParseText(document);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_on_json_nested_past_the_depth_limit()
    {
        var deep = """{"version": "https://jsonfeed.org/version/1.1", "x": """ + new string('[', 200) + new string(']', 200) + "}";

        var result = ParseText(deep);

        Assert.False(result.IsSuccess);
        Assert.Contains("depth", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Replaces_invalid_utf8_in_a_json_feed_with_a_warning()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""{"version":"https://jsonfeed.org/version/1.1","title":"Caf_","items":[{"id":"1"}]}""");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xE9; // Latin-1, not UTF-8

        var feed = FeedParser.Default.Parse(bytes).Feed!;

        Assert.Equal("Caf\uFFFD", feed.Title);
        Assert.Contains("not valid UTF-8", Assert.Single(feed.Warnings), StringComparison.Ordinal);
    }
}
