using FeedAggregator.Model;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>
/// How an RSS item's elements become an entry: the first of a repeated element is the one read,
/// each module's element stands in for the native one only when that is absent, and a date that
/// cannot be read says which element and which entry it was.
/// </summary>
public sealed class RssItemFieldsTests
{
    private const string Namespaces = """
        xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:dcterms="http://purl.org/dc/terms/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
        """;

    private static ParsedFeedShape Items(string items) =>
        new(ParseText($"<rss {Namespaces}><channel><title>Kitchen</title>{items}</channel></rss>").Feed!);

    [Fact]
    public void The_first_of_each_repeated_native_element_is_the_one_read()
    {
        var entry = Items("""
            <item>
              <title>First title</title><title>Second title</title><dc:title>DC title</dc:title>
              <link>https://kitchen.example.com/first</link><link>https://kitchen.example.com/second</link>
              <guid isPermaLink="false">guid-1</guid><guid isPermaLink="false">guid-2</guid>
              <pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate>
              <atom:updated>2024-05-08T10:00:00Z</atom:updated><atom:updated>2024-05-09T10:00:00Z</atom:updated>
              <description>First description.</description><description>Second description.</description>
              <content:encoded>&lt;p&gt;First content.&lt;/p&gt;</content:encoded><content:encoded>&lt;p&gt;Second content.&lt;/p&gt;</content:encoded>
              <dc:language>de</dc:language><dc:language>fr</dc:language>
            </item>
            """).Single;

        Assert.Equal("First title", entry.Title);
        Assert.Equal("https://kitchen.example.com/first", entry.Link);
        Assert.Equal("guid-1", entry.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 10, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal("First description.", entry.Summary);
        Assert.Equal("<p>First content.</p>", entry.Content);
        Assert.Equal("de", entry.Language);
    }

    [Fact]
    public void The_first_of_each_repeated_module_element_is_the_one_read_when_the_native_one_is_absent()
    {
        var entries = Items("""
            <item xml:lang="en-GB">
              <dc:title>First DC title</dc:title><dc:title>Second DC title</dc:title><media:title>Media title</media:title>
              <atom:published>2024-02-01T00:00:00Z</atom:published><atom:published>2024-02-02T00:00:00Z</atom:published>
              <dcterms:modified>2024-02-03T00:00:00Z</dcterms:modified><dcterms:modified>2024-02-04T00:00:00Z</dcterms:modified>
              <atom:summary>First Atom summary.</atom:summary><atom:summary>Second Atom summary.</atom:summary>
              <atom:content type="html">&lt;p&gt;First Atom content.&lt;/p&gt;</atom:content><atom:content type="html">&lt;p&gt;Second.&lt;/p&gt;</atom:content>
              <dc:language>de</dc:language>
            </item>
            <item>
              <media:title>First media title</media:title><media:title>Second media title</media:title>
              <dc:date>2024-03-01T00:00:00Z</dc:date><dc:date>2024-03-02T00:00:00Z</dc:date>
              <dc:description>First DC description.</dc:description><dc:description>Second DC description.</dc:description>
            </item>
            <item>
              <title>Issued</title>
              <dcterms:issued>2024-04-01T00:00:00Z</dcterms:issued><dcterms:issued>2024-04-02T00:00:00Z</dcterms:issued>
              <itunes:summary>First iTunes summary.</itunes:summary><itunes:summary>Second iTunes summary.</itunes:summary>
            </item>
            <item>
              <title>Created</title>
              <dcterms:created>2024-06-01T00:00:00Z</dcterms:created><dcterms:created>2024-06-02T00:00:00Z</dcterms:created>
              <media:description>First media description &amp; more.</media:description><media:description>Second.</media:description>
            </item>
            """).Entries;

        var dublinCore = entries[0];
        Assert.Equal("First DC title", dublinCore.Title); // dc:title before media:title
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), dublinCore.Published);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), dublinCore.Updated);
        Assert.Equal("First Atom summary.", dublinCore.Summary);
        Assert.Equal("<p>First Atom content.</p>", dublinCore.Content);
        Assert.Equal("en-GB", dublinCore.Language); // xml:lang before dc:language

        var media = entries[1];
        Assert.Equal("First media title", media.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), media.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), media.Updated); // dc:date is both
        Assert.Equal("First DC description.", media.Summary);

        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), entries[2].Published);
        Assert.Equal("First iTunes summary.", entries[2].Summary);

        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), entries[3].Published);
        Assert.Equal("First media description &amp; more.", entries[3].Summary); // plain text, escaped
        Assert.Null(entries[3].Updated);
    }

    [Fact]
    public void Dublin_core_terms_and_language_elements_count_only_in_their_own_namespace()
    {
        var entry = Items("""
            <item>
              <title>Elsewhere</title>
              <dc:created>2024-06-01T00:00:00Z</dc:created><dc:modified>2024-06-02T00:00:00Z</dc:modified>
              <dcterms:language>de</dcterms:language><language>fr</language>
            </item>
            """).Single;

        Assert.Null(entry.Published);
        Assert.Null(entry.Updated);
        Assert.Null(entry.Language);
    }

    [Fact]
    public void An_atom_xhtml_summary_in_an_item_loses_its_wrapping_div()
    {
        var entry = Items("""
            <item><atom:summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hot <b>soup</b>.</p></div></atom:summary></item>
            """).Single;

        Assert.Equal("<p>Hot <b>soup</b>.</p>", entry.Summary);
    }

    [Fact]
    public void A_guid_is_the_link_only_when_it_is_a_web_url_not_marked_as_no_permalink()
    {
        var entries = Items("""
            <item><guid>https://kitchen.example.com/permalink</guid></item>
            <item><guid isPermaLink="FALSE">https://kitchen.example.com/not-a-permalink</guid></item>
            <item><guid>urn:uuid:2b4e4c8a-5d0f-4a8e-9a43-1f3c1d2e3f40</guid></item>
            """).Entries;

        Assert.Equal("https://kitchen.example.com/permalink", entries[0].Link);
        Assert.Null(entries[1].Link);
        Assert.Equal("https://kitchen.example.com/not-a-permalink", entries[1].Id);
        Assert.Null(entries[2].Link);
    }

    [Fact]
    public void An_rss_1_0_item_takes_its_guid_before_its_rdf_about()
    {
        var feed = ParseText("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://kitchen.example.com/"><title>Kitchen</title></channel>
              <item rdf:about="https://kitchen.example.com/about"><title>Both</title><guid xmlns="">guid-1</guid></item>
              <item rdf:about="https://kitchen.example.com/only-about"><title>About</title></item>
            </rdf:RDF>
            """).Feed!;

        Assert.Equal("guid-1", feed.Entries[0].Id);
        Assert.Equal("https://kitchen.example.com/only-about", feed.Entries[1].Id);
    }

    [Fact]
    public void Media_content_outside_a_group_is_an_enclosure_with_its_type_and_size()
    {
        var entry = Items("""
            <item>
              <enclosure url="https://kitchen.example.com/episodes/one.mp3" type="audio/mpeg" length="100"/>
              <media:content url="https://kitchen.example.com/episodes/one.mp3" type="audio/mpeg" fileSize="999"/>
              <media:content url="https://kitchen.example.com/episodes/one.ogg" type="audio/ogg" fileSize="2048"/>
              <media:thumbnail url="https://kitchen.example.com/episodes/one.jpg"/>
            </item>
            """).Single;

        Assert.Equal(
            [
                new Enclosure("https://kitchen.example.com/episodes/one.mp3", "audio/mpeg", 100),
                new Enclosure("https://kitchen.example.com/episodes/one.ogg", "audio/ogg", 2048),
            ],
            entry.Enclosures);
    }

    [Fact]
    public void An_unreadable_date_names_its_element_and_the_entry_by_title_before_guid()
    {
        var feed = Items("""
            <item>
              <title>Soup</title><guid isPermaLink="false">soup-1</guid>
              <pubDate>never</pubDate><atom:published>later</atom:published><dc:date>soon</dc:date>
              <dcterms:issued>someday</dcterms:issued><dcterms:created>eventually</dcterms:created>
              <atom:updated>tomorrow</atom:updated><dcterms:modified>yesterday</dcterms:modified>
            </item>
            <item><guid isPermaLink="false">soup-2</guid><pubDate>never</pubDate><atom:updated>tomorrow</atom:updated></item>
            <item><pubDate>never</pubDate></item>
            """).Feed;

        Assert.Equal(
            [
                "unreadable pubDate \"never\" in entry \"Soup\"; left empty",
                "unreadable atom:published \"later\" in entry \"Soup\"; left empty",
                "unreadable dc:date \"soon\" in entry \"Soup\"; left empty",
                "unreadable dcterms:issued \"someday\" in entry \"Soup\"; left empty",
                "unreadable dcterms:created \"eventually\" in entry \"Soup\"; left empty",
                "unreadable atom:updated \"tomorrow\" in entry \"Soup\"; left empty",
                "unreadable dcterms:modified \"yesterday\" in entry \"Soup\"; left empty",
                "unreadable dc:date \"soon\" in entry \"Soup\"; left empty",
                "unreadable pubDate \"never\" in entry \"soup-2\"; left empty",
                "unreadable atom:updated \"tomorrow\" in entry \"soup-2\"; left empty",
                "unreadable pubDate \"never\" in entry \"(untitled)\"; left empty",
            ],
            feed.Warnings);
        Assert.All(feed.Entries, e => Assert.Null(e.Published));
    }

    [Fact]
    public void A_long_unreadable_date_and_entry_name_are_shortened_past_80_characters()
    {
        var eighty = new string('x', 80);
        var eightyOne = new string('y', 81);
        var feed = Items($"<item><title>{eightyOne}</title><pubDate>{eighty}</pubDate></item>").Feed;

        Assert.Equal(
            $"unreadable pubDate \"{eighty}\" in entry \"{new string('y', 77)}...\"; left empty",
            Assert.Single(feed.Warnings));
    }

    /// <summary>The parsed feed with shortcuts to its entries.</summary>
    private sealed record ParsedFeedShape(FeedAggregator.Parsing.ParsedFeed Feed)
    {
        public IReadOnlyList<FeedAggregator.Parsing.ParsedEntry> Entries => Feed.Entries;
        public FeedAggregator.Parsing.ParsedEntry Single => Assert.Single(Feed.Entries);
    }
}
