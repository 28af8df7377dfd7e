using System.Text;
using System.Text.Json;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker;

public sealed class ParseOutputTests
{
    [Fact]
    public void Reports_a_markup_title_sanitized_and_a_plain_one_as_text()
    {
        const string document = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;a href="javascript:alert(1)"&gt;Safe&lt;/a&gt; &lt;b&gt;feed&lt;/b&gt;</title>
            <entry><id>1</id><title type="html">&lt;img src="http://example.com/a.jpg" onerror="alert(1)"&gt; Photo</title></entry>
            <entry><id>2</id><title>AT&amp;T &lt;3 you</title></entry>
            </feed>
            """;
        var feed = FeedParser.Default.Parse(Encoding.UTF8.GetBytes(document)).Feed!;
        var sanitizer = new ContentSanitizer();
        var outcome = new ParseOutcome("doc.xml", feed, new ArticleProcessor(sanitizer).Process(feed, null), null)
        {
            Titles = MarkupTitles.Of(feed, null, sanitizer),
        };

        using var json = JsonDocument.Parse(ParseOutput.ToJsonLine(outcome));
        var root = json.RootElement;
        var entries = root.GetProperty("entries");

        Assert.Equal("<a>Safe</a> <b>feed</b>", root.GetProperty("title").GetString());
        Assert.Equal("html", root.GetProperty("title_type").GetString());
        Assert.Equal("<img src=\"http://example.com/a.jpg\" /> Photo", entries[0].GetProperty("title").GetString());
        Assert.Equal("html", entries[0].GetProperty("title_type").GetString());
        Assert.Equal("AT&T <3 you", entries[1].GetProperty("title").GetString());
        Assert.Equal("text", entries[1].GetProperty("title_type").GetString());
    }

    [Fact]
    public void Says_when_a_feed_was_recovered_and_lists_authors_as_names_or_emails()
    {
        const string document = """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title><author>jane@example.com (Jane Doe)</author><dc:creator>kai@example.com</dc:creator></item>
            </channel></rss>
            """;
        var feed = FeedParser.Default.Parse(Encoding.UTF8.GetBytes(document)).Feed!;
        var outcome = new ParseOutcome("doc.xml", feed, new ArticleProcessor(new ContentSanitizer()).Process(feed, null), null);

        using var json = JsonDocument.Parse(ParseOutput.ToJsonLine(outcome));
        var root = json.RootElement;

        Assert.True(root.GetProperty("recovered").GetBoolean());
        Assert.StartsWith("recovered from an XML error", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["Jane Doe", "kai@example.com"], root.GetProperty("entries")[0].GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void A_well_formed_feed_is_not_recovered()
    {
        var feed = FeedParser.Default.Parse("<rss version=\"2.0\"><channel><title>Fine</title></channel></rss>"u8.ToArray()).Feed!;
        var outcome = new ParseOutcome("doc.xml", feed, [], null);

        using var json = JsonDocument.Parse(ParseOutput.ToJsonLine(outcome));

        Assert.False(json.RootElement.GetProperty("recovered").GetBoolean());
    }
}
