using FeedAggregator.Model;
using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class AtomParsingTests
{
    [Fact]
    public void Reads_the_feed_with_its_xml_base_and_language()
    {
        var feed = ParseFeed("atom10.xml", documentUrl: new Uri("https://feeds.example.com/blog"));

        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("Ada & Grace on compilers", feed.Title); // html title: tags stripped, entities decoded
        Assert.Equal("/", feed.Link); // as given; processing resolves it against BaseUrl
        Assert.Equal("Notes on parsing, by two people", feed.Description);
        Assert.Equal("en", feed.Language);
        Assert.Equal(new Uri("https://blog.example.com/"), feed.BaseUrl); // xml:base wins over the document URL
        Assert.Equal(3, feed.Entries.Count);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Reads_xhtml_content_without_its_wrapper_div_or_namespace()
    {
        var entry = ParseFeed("atom10.xml").Entries[0];

        Assert.Equal("tag:blog.example.com,2024:lexers", entry.Id);
        Assert.Equal("Why lexers matter", entry.Title);
        Assert.Equal("posts/lexers", entry.Link);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 8, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 11, 30, 0, 250, TimeSpan.Zero), entry.Updated);
        Assert.Equal([new Author("Ada Byron", "ada@example.com"), new Author("Grace Hopper", null)], entry.Authors); // inherited from the feed
        Assert.Equal(["Compilers", "lexing"], entry.Categories);
        Assert.Equal("Tokens first, &lt;trees&gt; later.", entry.Summary); // text escaped so it stays text
        Assert.Equal(
            """<p>A lexer turns <code>a&lt;b</code> into tokens.</p><p><img src="img/tokens.png" alt="tokens" /></p><div></div>""",
            entry.Content);
        Assert.DoesNotContain("xmlns", entry.Content);
        Assert.Equal([new Enclosure("files/lexers.pdf", "application/pdf", 52340)], entry.Enclosures);
        Assert.Null(entry.BaseUrl);
        Assert.Null(entry.Language);
    }

    [Fact]
    public void Reads_html_content_its_own_authors_xml_base_and_language()
    {
        var entry = ParseFeed("atom10.xml").Entries[1];

        Assert.Equal("Parser & Grammatik", entry.Title);
        Assert.Equal("grammatik", entry.Link);
        Assert.Equal(new Uri("https://other.example.net/mirror/"), entry.BaseUrl);
        Assert.Equal("de", entry.Language);
        Assert.Equal(["Konrad Zuse", "Ada Byron"], entry.Authors);
        // No <published>: Atom's required <updated> dates the entry.
        Assert.Equal(new DateTimeOffset(2024, 1, 26, 0, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 26, 0, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal("<p>Eine <em>Grammatik</em> beschreibt Sprache.</p>", entry.Content);
    }

    [Fact]
    public void Escapes_text_content_and_prefers_the_html_alternate_link()
    {
        var entry = ParseFeed("atom10.xml").Entries[2];

        Assert.Equal("Plain <text> content", entry.Title); // a text title is not stripped
        Assert.Equal("posts/plain", entry.Link);
        Assert.Equal("if a &lt; b &amp;&amp; c then print &quot;&lt;ok&gt;&quot;", entry.Content);
    }

    [Fact]
    public void Reads_atom_03()
    {
        var feed = ParseFeed("atom03.xml");

        Assert.Equal(FeedFormat.Atom03, feed.Format);
        Assert.Equal("Old Blog", feed.Title);
        Assert.Equal("http://old.example.org/", feed.Link);
        Assert.Equal("Since 2004", feed.Description);

        var escaped = feed.Entries[0];
        Assert.Equal("<p>Hello <b>world</b></p>", escaped.Content);
        Assert.Equal("A &lt;short&gt; one.", escaped.Summary);
        Assert.Equal(new DateTimeOffset(2005, 3, 1, 16, 0, 0, TimeSpan.Zero), escaped.Published);
        Assert.Equal(new DateTimeOffset(2005, 3, 1, 12, 0, 0, TimeSpan.Zero), escaped.Updated);
        Assert.Equal(["Mark"], escaped.Authors);

        // Atom 0.3 has no wrapper-div rule (RFC 4287 brought it): the div is part of the content.
        Assert.Equal("<div><p>Inline <i>markup</i></p></div>", feed.Entries[1].Content);
    }

    [Fact]
    public void Leaves_out_of_line_and_binary_content_empty()
    {
        const string document = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>1</id><title>Video</title><content type="video/mp4" src="https://cdn.example.com/v.mp4"/></entry>
            <entry><id>2</id><title>Image</title><content type="image/png">iVBORw0KGgo=</content></entry>
            </feed>
            """;

        var feed = ParseText(document).Feed!;

        Assert.All(feed.Entries, e => Assert.Null(e.Content));
    }

    [Fact]
    public void Keeps_control_characters_inside_xhtml_content()
    {
        const string document = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T&#x1;</title>
            <entry><id>1</id><title>C</title>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>bell&#x7;here&#x0;</p></div></content></entry>
            </feed>
            """;

        var result = ParseText(document);

        Assert.True(result.IsSuccess, result.Error);
        // Both characters are still there, as the references the markup needs (the writers strip them on output).
        Assert.Equal("<p>bell&#x7;here&#x0;</p>", Assert.Single(result.Feed!.Entries).Content);
    }

    [Fact]
    public void Keeps_a_title_declared_as_markup_beside_its_text()
    {
        const string document = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>
            <entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">History of the &lt;blink&gt; tag</div></title></entry>
            <entry><id>2</id><title>Plain &lt;b&gt; text</title></entry>
            <entry><id>3</id><title type="application/octet-stream">PHA+SGk8L3A+</title></entry>
            </feed>
            """;

        var feed = ParseText(document).Feed!;

        Assert.Equal("Example Atom", feed.Title);
        Assert.Equal("Example <b>Atom</b>", feed.TitleHtml);
        Assert.Equal("History of the <blink> tag", feed.Entries[0].Title);
        Assert.Equal("History of the &lt;blink&gt; tag", feed.Entries[0].TitleHtml);
        Assert.Equal("Plain <b> text", feed.Entries[1].Title);
        Assert.Null(feed.Entries[1].TitleHtml);
        // Atom 1.0 base64 of another MIME type, kept because it decodes to text.
        Assert.Equal("Hi", feed.Entries[2].Title);
        Assert.Equal("<p>Hi</p>", feed.Entries[2].TitleHtml);
    }
}
