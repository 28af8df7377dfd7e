using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>How Atom 1.0 and 0.3 entries, their text constructs and the feed's links are read.</summary>
public sealed class AtomFieldsTests
{
    private static FeedAggregator.Parsing.ParsedFeed Atom(string entries, string feedElements = "<title>Kitchen</title>") =>
        ParseText($"<feed xmlns=\"http://www.w3.org/2005/Atom\">{feedElements}{entries}</feed>").Feed!;

    private static FeedAggregator.Parsing.ParsedFeed Atom03(string entries) =>
        ParseText($"<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Kitchen</title>{entries}</feed>").Feed!;

    [Fact]
    public void An_unreadable_date_names_its_element_and_the_entry_by_title_else_by_id()
    {
        var feed = Atom("""
            <entry><title>Soup</title><id>urn:soup</id>
              <updated>never</updated><modified>later</modified>
              <published>soon</published><issued>someday</issued><created>eventually</created></entry>
            <entry><id>urn:stew</id><updated>never</updated></entry>
            """);

        Assert.Equal(
            [
                "unreadable updated \"never\" in entry \"Soup\"; left empty",
                "unreadable modified \"later\" in entry \"Soup\"; left empty",
                "unreadable published \"soon\" in entry \"Soup\"; left empty",
                "unreadable issued \"someday\" in entry \"Soup\"; left empty",
                "unreadable created \"eventually\" in entry \"Soup\"; left empty",
                "unreadable updated \"never\" in entry \"urn:stew\"; left empty",
            ],
            feed.Warnings);
    }

    [Fact]
    public void The_html_alternate_link_is_preferred_else_the_first_alternate()
    {
        var feed = Atom("""
            <entry><title>Both</title>
              <link rel="alternate" type="application/pdf" href="https://kitchen.example.com/soup.pdf"/>
              <link rel="alternate" type="text/html" href="https://kitchen.example.com/soup"/></entry>
            <entry><title>Only a PDF</title>
              <link rel="alternate" type="application/pdf" href="https://kitchen.example.com/stew.pdf"/></entry>
            """);

        Assert.Equal("https://kitchen.example.com/soup", feed.Entries[0].Link);
        Assert.Equal("https://kitchen.example.com/stew.pdf", feed.Entries[1].Link);
    }

    [Fact]
    public void The_feed_links_give_its_hubs_and_its_self_url()
    {
        var feed = Atom("", """
            <title>Kitchen</title>
            <link rel="alternate" href="https://kitchen.example.com/"/>
            <link rel="self" href="https://kitchen.example.com/atom.xml"/>
            <link rel="hub" href="https://hub.example.com/"/>
            <link rel="hub"/>
            <link rel="hub" href="https://hub2.example.com/"/>
            """);

        Assert.Equal(["https://hub.example.com/", "https://hub2.example.com/"], feed.Hubs);
        Assert.Equal("https://kitchen.example.com/atom.xml", feed.SelfUrl);
        Assert.Equal("https://kitchen.example.com/", feed.Link);
    }

    [Fact]
    public void Content_given_by_src_has_nothing_inline_to_show()
    {
        var entry = Assert.Single(Atom("""<entry><title>Out of line</title><content type="html" src="https://kitchen.example.com/soup">Ignored</content></entry>""").Entries);

        Assert.Null(entry.Content);
    }

    [Fact]
    public void Base64_content_of_another_type_is_kept_only_when_it_is_text_without_control_characters()
    {
        var entries = Atom("""
            <entry><title>Lines</title><content type="application/octet-stream">TGluZSBvbmUNCkxpbmUJdHdv</content></entry>
            <entry><title>Bell</title><content type="application/octet-stream">UmluZwc=</content></entry>
            <entry><title>Not UTF-8</title><content type="application/octet-stream">SP/+SQ==</content></entry>
            """).Entries;

        Assert.Equal("Line one\r\nLine\ttwo", entries[0].Content);
        Assert.Null(entries[1].Content);
        Assert.Null(entries[2].Content);
    }

    [Theory]
    [InlineData("", "Cafe")] // "Cafe" is also valid base64: the type decides it is text
    [InlineData("text", "Cafe")]
    [InlineData("html", "<b>Cafe</b>")]
    [InlineData("text/html", "<b>Cafe</b>")]
    public void An_atom_1_0_summary_type_decides_text_or_html(string type, string summary)
    {
        var entry = Assert.Single(Atom($"<entry><title>T</title><summary type=\"{type}\">{System.Net.WebUtility.HtmlEncode(summary)}</summary></entry>").Entries);

        Assert.Equal(summary, entry.Summary);
    }

    [Fact]
    public void An_atom_1_0_content_of_an_xml_media_type_is_markup()
    {
        var entry = Assert.Single(Atom("""<entry><title>T</title><content type="application/xhtml+xml"><p xmlns="http://www.w3.org/1999/xhtml">Hot <b>soup</b></p></content></entry>""").Entries);

        Assert.Contains("Hot <b>soup</b></p>", entry.Content);
    }

    [Fact]
    public void Atom_0_3_modes_decide_text_html_base64_or_nothing()
    {
        var entries = Atom03("""
            <entry><title>Escaped text</title><content type="text/plain" mode="escaped">Fish &amp; chips</content></entry>
            <entry><title>Escaped html</title><content type="text/html" mode="escaped">&lt;b&gt;Fish&lt;/b&gt;</content></entry>
            <entry><title>Base64 text</title><content type="text/plain" mode="base64">RmlzaCAmIDxjaGlwcz4=</content></entry>
            <entry><title>Base64 binary</title><content type="application/octet-stream" mode="base64">RmlzaCAmIDxjaGlwcz4=</content></entry>
            <entry><title>Html</title><content type="text/html">&lt;b&gt;Fish&lt;/b&gt;</content></entry>
            <entry><title>Escaped, with elements</title><content type="text/html" mode="escaped">Fish <b>and</b> chips</content></entry>
            """).Entries;

        Assert.Equal("Fish &amp; chips", entries[0].Content);
        Assert.Equal("<b>Fish</b>", entries[1].Content);
        Assert.Equal("Fish &amp; &lt;chips&gt;", entries[2].Content);
        Assert.Null(entries[3].Content);
        Assert.Equal("<b>Fish</b>", entries[4].Content);
        Assert.DoesNotContain("<b>", entries[5].Content); // escaped mode is read as text, never as inline markup
    }
}
