using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Shapes real feeds take that the formats' specifications do not allow, read as feedparser reads them.</summary>
public sealed class ToleranceTests
{
    [Fact]
    public void A_script_in_an_html_title_is_not_title_text()
    {
        var feed = ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">safe&lt;script type="text/javascript"&gt;location.href='x';&lt;/SCRIPT&gt; description</title>
              <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">safe<script>alert(1)</script> entry</div></title></entry>
            </feed>
            """).Feed!;

        Assert.Equal("safe description", feed.Title);
        Assert.Equal("safe entry", feed.Entries[0].Title);
    }

    [Fact]
    public void A_plain_text_title_keeps_angle_brackets_and_no_break_spaces()
    {
        var feed = ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>History of the &lt;blink&gt;&#160;tag</title>
            </feed>
            """).Feed!;

        Assert.Equal("History of the <blink>\u00a0tag", feed.Title);
    }

    [Fact]
    public void The_last_of_repeated_atom_dates_stands_and_a_10_name_in_03_is_read()
    {
        var feed = ParseText("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <entry>
                <issued>Thu, 01 Jan 2004 19:48:21 GMT</issued>
                <published>Sat, 01 Jan 2010 19:48:21 GMT</published>
                <modified>2010-12-01T10:14:55Z</modified>
                <modified>2003-12-31T10:14:55Z</modified>
              </entry>
            </feed>
            """).Feed!;

        Assert.Equal(new DateTimeOffset(2010, 1, 1, 19, 48, 21, TimeSpan.Zero), feed.Entries[0].Published);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero), feed.Entries[0].Updated);
    }

    [Fact]
    public void Atom_03_base64_text_is_decoded()
    {
        var feed = ParseText("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title mode="base64">RXhhbXBsZSBBdG9t</title>
              <entry><title>One</title><content type="text/html" mode="base64">PHA+SGk8L3A+</content></entry>
            </feed>
            """).Feed!;

        Assert.Equal("Example Atom", feed.Title);
        Assert.Equal("<p>Hi</p>", feed.Entries[0].Content);
    }

    [Fact]
    public void Rss_falls_back_to_dublin_core_and_media_rss()
    {
        var feed = ParseText("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">
              <channel>
                <dc:title>Example title</dc:title>
                <item><media:title>bar</media:title><dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued></item>
                <item><title>dc</title><dc:date>2004-01-01T00:00:00Z</dc:date></item>
              </channel>
            </rss>
            """).Feed!;

        Assert.Equal("Example title", feed.Title);
        Assert.Equal("bar", feed.Entries[0].Title);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero), feed.Entries[0].Published);
        Assert.Equal(feed.Entries[1].Published, feed.Entries[1].Updated);
    }

    [Fact]
    public void A_recovered_feed_keeps_the_warnings_given_before_the_xml_was_read_and_gives_the_others_once()
    {
        var feed = ParseText("""
            <rss><channel><title>Kitchen &frobnicate;</title>
            <item><title>Soup</title><pubDate>never</pubDate></item>
            <item><title>Stew</item>
            </channel></rss>
            """).Feed!;

        Assert.True(feed.Recovered);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Contains("undeclared entities kept as text: &frobnicate;", feed.Warnings);
        Assert.Single(feed.Warnings, w => w.StartsWith("unreadable pubDate", StringComparison.Ordinal));
    }
}
