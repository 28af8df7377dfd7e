using System.Text;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml;
using Microsoft.Extensions.Options;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class MalformedDocumentTests
{
    [Fact]
    public void A_bad_date_becomes_null_with_a_warning_and_loses_nothing_else()
    {
        var feed = ParseFeed("rss-bad-dates.xml");

        Assert.Equal(4, feed.Entries.Count);
        Assert.Null(feed.Entries[0].Published);
        Assert.Null(feed.Entries[1].Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero), feed.Entries[2].Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 9, 16, 5, 0, TimeSpan.Zero), feed.Entries[3].Published);
        Assert.Equal(3, feed.Warnings.Count);
        Assert.Contains(feed.Warnings, w => w.Contains("\"sometime last week\" in entry \"Nonsense date\"", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("\"Fri, 31 Feb 2024 10:00:00 GMT\"", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("\"32/13/2024\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_document_keeps_the_entries_read_before_the_break_and_not_the_cut_one()
    {
        var feed = ParseFeed("rss-truncated.xml");

        Assert.True(feed.Recovered);
        Assert.Equal("Harbour Town Gazette & Weekly", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Ferry timetable changes from February", entry.Title);
        var warning = Assert.Single(feed.Warnings);
        Assert.StartsWith("recovered from an XML error: Unexpected end of file", warning, StringComparison.Ordinal);
        Assert.Contains("Line ", warning, StringComparison.Ordinal);
        Assert.Contains(": 1 entries read", warning, StringComparison.Ordinal);
        Assert.Contains("dropped the last entry, cut off by the end of the document", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_cut_off_before_its_first_entry_keeps_its_title_with_a_warning()
    {
        var feed = ParseFeed("atom-truncated-early.xml");

        Assert.Equal("Gone Too Soon", feed.Title);
        Assert.Empty(feed.Entries);
        var warning = Assert.Single(feed.Warnings);
        Assert.StartsWith("recovered from an XML error", warning, StringComparison.Ordinal);
        Assert.Contains("Line 7", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_cut_off_before_anything_was_read_is_a_failure()
    {
        var result = ParseText("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><tit");

        Assert.False(result.IsSuccess);
        Assert.StartsWith("malformed or cut-off XML", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<feed><title>no namespace</title><entry><title>One</title></entry></feed>", FeedFormat.Atom10)]
    [InlineData("<feed version=\"0.3\" xmlns=\"http://example.com/newformat#\"><title>no namespace</title><entry><title>One</title></entry></feed>", FeedFormat.Atom03)]
    public void A_feed_root_outside_the_atom_namespace_is_read_as_atom(string document, FeedFormat format)
    {
        var feed = ParseText(document).Feed!;

        Assert.Equal(format, feed.Format);
        Assert.Equal("no namespace", feed.Title);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void A_broken_element_after_good_entries_keeps_them_and_the_broken_one()
    {
        const string document = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title></item>
            <item><title>Two</title></item>
            <item><title>Three</title><description>unclosed <b></description></item>
            </channel></rss>
            """;

        var feed = ParseText(document).Feed!;

        Assert.Equal(["One", "Two", "Three"], feed.Entries.Select(e => e.Title));
        Assert.Equal("unclosed <b></b>", feed.Entries[2].Summary);
        Assert.Contains("closed 1 unclosed element", Assert.Single(feed.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html-page.html", "not a feed: the document's root element is <html>, a web page")]
    [InlineData("html-page-lowercase-doctype.html", "not a feed: the document is an HTML page")]
    public void An_html_page_is_not_a_feed(string fixture, string expected)
    {
        var result = Parse(fixture, contentType: "application/rss+xml");

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData(" \r\n\t ", "the document is empty")]
    [InlineData("Service Unavailable", "not a feed: the document is neither a feed's XML nor JSON")]
    [InlineData("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>", "not a feed: the document's root element is <opml>")]
    [InlineData("<?xml version=\"1.0\"?>", "not a feed: the document is neither a feed's XML nor JSON")]
    public void Fails_with_a_clear_message(string document, string expected)
    {
        var result = ParseText(document);

        Assert.False(result.IsSuccess);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_first_max_entries_and_says_how_many_there_were()
    {
        var items = string.Concat(Enumerable.Range(1, 12).Select(i => $"<item><title>Item {i}</title><guid>id-{i}</guid></item>"));
        var document = $"<rss version=\"2.0\"><channel><title>Many</title>{items}<link>https://many.example.com/</link></channel></rss>";

        var feed = ParseText(document, new ParsingOptions { MaxEntries = 5 }).Feed!;

        Assert.Equal(["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"], feed.Entries.Select(e => e.Title));
        Assert.Equal("https://many.example.com/", feed.Link); // metadata after the skipped items is still read
        Assert.Equal("the feed has 12 entries, more than the limit of 5; kept the first 5", Assert.Single(feed.Warnings));
    }

    [Fact]
    public void Applies_max_entries_to_json_feeds_too()
    {
        var items = string.Join(",", Enumerable.Range(1, 8).Select(i => $$"""{"id":"{{i}}","title":"Item {{i}}"}"""));
        var document = $$"""{"version":"https://jsonfeed.org/version/1.1","title":"Many","items":[{{items}}]}""";

        var feed = ParseText(document, new ParsingOptions { MaxEntries = 3 }).Feed!;

        Assert.Equal(3, feed.Entries.Count);
        Assert.Contains("8 entries", Assert.Single(feed.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_document_over_the_size_limit()
    {
        var parser = new FeedParser(Options.Create(new ParsingOptions { MaxDocumentBytes = 1000 }));
        var bytes = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>" + new string('x', 2000) + "</title></channel></rss>");

        var result = parser.Parse(bytes);

        Assert.False(result.IsSuccess);
        Assert.Contains("more than the limit of 1,000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_the_number_of_warnings()
    {
        var items = string.Concat(Enumerable.Range(1, 100).Select(i => $"<item><title>{i}</title><pubDate>bad {i}</pubDate></item>"));

        var feed = ParseText($"<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>").Feed!;

        Assert.Equal(100, feed.Entries.Count);
        Assert.Equal(26, feed.Warnings.Count);
        Assert.Equal("and 75 more warnings", feed.Warnings[^1]);
    }

    [Fact]
    public void The_recovery_warning_names_the_xml_error_the_entries_and_the_repairs()
    {
        var feed = ParseText("<rss version=\"2.0\"><channel><title>a < b</title><item><title>One</title></item></channel></rss>").Feed!;

        Assert.True(feed.Recovered);
        Assert.StartsWith("recovered from an XML error: ", feed.Warnings[0], StringComparison.Ordinal);
        Assert.EndsWith(": 1 entries read (read 1 stray \"<\" as text)", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("a < b", feed.Title);
    }

    [Fact]
    public void A_recovery_that_needed_no_counted_repair_says_only_how_many_entries_it_read()
    {
        var feed = ParseText("<rss version=\"2.0\"><channel><?xml version=\"1.0\"?><title>T</title><item><title>One</title></item></channel></rss>").Feed!;

        Assert.True(feed.Recovered);
        Assert.EndsWith(": 1 entries read", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void A_feed_inside_a_web_page_is_recovered_and_the_warning_says_what_the_root_was()
    {
        var feed = ParseText("<html><body><rss version=\"2.0\"><channel><title>T</title><item><title>One</title></item></channel></rss></body></html>").Feed!;

        Assert.Equal("recovered from an XML error: the document's root element is <html>, a web page: 1 entries read", feed.Warnings[0]);
    }

    [Fact]
    public void Markup_broken_before_the_feed_root_is_named_by_the_reader_s_own_message()
    {
        var feed = ParseText("Warning: <b>x</b> in page.php<rss version=\"2.0\"><channel><title>T</title><item><title>One</title></item></channel></rss>").Feed!;

        Assert.True(feed.Recovered);
        Assert.StartsWith("recovered from an XML error: ", feed.Warnings[0], StringComparison.Ordinal);
        Assert.DoesNotContain("not a feed", feed.Warnings[0], StringComparison.Ordinal);
        Assert.DoesNotContain("neither a feed", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void Recovery_stops_within_the_reader_s_own_document_limit()
    {
        // 115 items of 33 characters fit the 4000-byte limit; each stray "<" written as "&lt;" makes
        // an item 36 characters long, past the (4000 * 2 - 4096) the re-reader may write.
        var items = string.Concat(Enumerable.Repeat("<item><title>a < b</title></item>", 115));
        var document = "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";

        var feed = ParseText(document, new ParsingOptions { MaxDocumentBytes = 4000 }).Feed!;

        Assert.True(feed.Recovered);
        Assert.Contains("stopped at the document size limit", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(107, feed.Entries.Count);
    }

    [Fact]
    public void A_web_page_broken_before_its_root_is_called_a_web_page()
    {
        var result = ParseText("<html lang=en><body><p>Service Unavailable</p></body></html>");

        Assert.False(result.IsSuccess);
        Assert.Equal("not a feed: the document is an HTML page", result.Error);
    }

    [Theory]
    [InlineData("plain message.", "plain message.")]
    [InlineData("'\u0008', hexadecimal value 0x08, is an invalid character.", "'U+0008', hexadecimal value 0x08, is an invalid character.")]
    [InlineData("\u0000\u001Fx", "U+0000U+001Fx")]
    public void Xml_error_messages_show_control_characters_as_code_points(string message, string expected)
    {
        Assert.Equal(expected, XmlErrorText.Printable(message));
    }
}
