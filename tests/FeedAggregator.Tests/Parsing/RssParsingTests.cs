using FeedAggregator.Model;
using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class RssParsingTests
{
    private static readonly Uri FeedUrl = new("https://gazette.example.org/feed.xml");

    [Fact]
    public void Reads_the_channel()
    {
        var feed = ParseFeed("rss20-full.xml", documentUrl: FeedUrl);

        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("Harbour Town Gazette & Weekly", feed.Title);
        Assert.Equal("https://gazette.example.org/", feed.Link); // not atom:link rel=self, not image/link
        Assert.Equal("News from the harbour, every weekday.", feed.Description);
        Assert.Equal("en-GB", feed.Language);
        Assert.Equal(FeedUrl, feed.BaseUrl);
        Assert.Equal(3, feed.Entries.Count);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Reads_an_item_with_content_creators_categories_and_an_enclosure()
    {
        var entry = ParseFeed("rss20-full.xml").Entries[0];

        Assert.Equal("https://gazette.example.org/?p=1042", entry.Id);
        Assert.Equal("Ferry timetable changes from February", entry.Title);
        Assert.Equal("https://gazette.example.org/2024/01/27/ferry-timetable/", entry.Link);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 10, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Null(entry.Updated);
        Assert.Equal(["Maria Okafor", "Tom Lindqvist"], entry.Authors);
        Assert.Equal(["Transport", "Local"], entry.Categories);
        Assert.Equal("<p>The 7:15 sailing moves to 7:40&nbsp;&hellip;</p>", entry.Summary);
        Assert.StartsWith("<p>The <strong>7:15</strong> sailing", entry.Content);
        Assert.Contains("<a href=\"/timetables/winter.pdf\">", entry.Content); // relative: processing resolves it
        Assert.Equal([new Enclosure("https://gazette.example.org/audio/ferry.mp3", "audio/mpeg", 1843200)], entry.Enclosures);
        Assert.Null(entry.BaseUrl);
    }

    [Fact]
    public void Uses_a_permalink_guid_as_the_link_and_splits_an_author_address()
    {
        var entry = ParseFeed("rss20-full.xml").Entries[1];

        Assert.Equal("https://gazette.example.org/podcast/12", entry.Link);
        Assert.Equal([new Author("Aisha Rahman", "editor@gazette.example.org")], entry.Authors);
        Assert.Equal("Fishermen & the new quota.", entry.Summary); // the XML-decoded text is the HTML source
        Assert.Null(entry.Content);
        Assert.Equal(new DateTimeOffset(2024, 1, 26, 18, 30, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(
            [new Enclosure("https://cdn.example.net/podcast/12.m4a", "audio/x-m4a", null),
             new Enclosure("https://cdn.example.net/podcast/12.ogg", "audio/ogg", null)],
            entry.Enclosures);
    }

    [Fact]
    public void Does_not_use_a_guid_that_is_not_a_permalink_and_reads_dublin_core()
    {
        var entry = ParseFeed("rss20-full.xml").Entries[2];

        Assert.Equal("letters-2024-01-25", entry.Id);
        Assert.Null(entry.Link);
        Assert.Equal(new DateTimeOffset(2024, 1, 25, 7, 15, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(["Opinion"], entry.Categories);
        Assert.Contains("\u201Cnew\u201D", entry.Summary);
    }

    [Fact]
    public void Reads_rss_091_with_a_doctype_and_html_entities()
    {
        var feed = ParseFeed("rss091-doctype.xml");

        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("Le Café du Coin", feed.Title);
        // &nbsp; is a no-break space, kept as one.
        Assert.Equal("Nouvelles du café\u00a0& du quartier", feed.Description);
        Assert.Equal("fr", feed.Language);
        Assert.Equal(["Crêpes le mardi", "Fermeture exceptionnelle"], feed.Entries.Select(e => e.Title));
        Assert.Equal("Désormais, crêpes chaque mardi à midi.", feed.Entries[0].Summary);
        // A bare "&" in a URL is repaired, not fatal.
        Assert.Equal("http://cafe.example.fr/fermeture.html?jour=lundi&mois=mars", feed.Entries[1].Link);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Reads_rss_10_rdf()
    {
        var feed = ParseFeed("rss10-rdf.xml");

        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal("Lab Notes", feed.Title);
        Assert.Equal("https://lab.example.edu/", feed.Link);
        Assert.Equal("en", feed.Language);
        Assert.Equal(2, feed.Entries.Count);

        var first = feed.Entries[0];
        Assert.Equal("https://lab.example.edu/notes/42", first.Id);
        Assert.Equal("Spectrometer recalibrated", first.Title);
        Assert.Equal(new DateTimeOffset(2024, 1, 22, 13, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Dr. N. Tesla"], first.Authors);
        Assert.Equal(["Instruments"], first.Categories);
        Assert.Equal("<p>Calibration drift <b>fixed</b>.</p>", first.Content);

        // No link element: rdf:about is the item's URL.
        Assert.Equal("https://lab.example.edu/notes/43", feed.Entries[1].Link);
        Assert.Equal(new DateTimeOffset(2024, 1, 23, 0, 0, 0, TimeSpan.Zero), feed.Entries[1].Published);
    }

    [Fact]
    public void Reads_rss_090()
    {
        const string document = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
              <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
            </rdf:RDF>
            """;

        var feed = ParseText(document).Feed!;

        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("Mozilla Dot Org", feed.Title);
        Assert.Equal("http://www.mozilla.org/status/", Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void Reads_markup_left_unescaped_in_a_description_as_html()
    {
        const string document = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Raw</title><description><p>Raw <b>markup</b></p></description></item>
            </channel></rss>
            """;

        var entry = Assert.Single(ParseText(document).Feed!.Entries);

        Assert.Equal("<p>Raw <b>markup</b></p>", entry.Summary);
    }

    [Fact]
    public void Reads_items_placed_outside_the_channel_and_an_entry_xml_base_and_lang()
    {
        const string document = """
            <rss version="2.0" xml:base="https://example.com/blog/"><channel><title>T</title></channel>
            <item xml:base="/other/" xml:lang="nl"><title>Stray item</title><link>post</link></item>
            </rss>
            """;

        var feed = ParseText(document).Feed!;

        Assert.Equal(new Uri("https://example.com/blog/"), feed.BaseUrl);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("post", entry.Link);
        Assert.Equal(new Uri("https://example.com/other/"), entry.BaseUrl);
        Assert.Equal("nl", entry.Language);
    }

    [Fact]
    public void Reads_media_rss_content_as_enclosures_and_its_description_as_a_summary()
    {
        const string document = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><guid>1</guid><title>Clip</title>
              <enclosure url="https://cdn.example.com/a.mp3" type="audio/mpeg" length="10"/>
              <media:content url="https://cdn.example.com/a.mp3" type="audio/mpeg" fileSize="10"/>
              <media:group>
                <media:content url="https://cdn.example.com/v.mp4" type="video/mp4" fileSize="2048"/>
                <media:content url="https://cdn.example.com/v.webm" type="video/webm"/>
              </media:group>
              <media:description>Tom &amp; Jerry &lt;3</media:description>
            </item>
            <item><guid>2</guid><title>Html</title><media:description type="html">&lt;p&gt;Hi&lt;/p&gt;</media:description></item>
            </channel></rss>
            """;

        var entries = ParseText(document).Feed!.Entries;

        Assert.Equal(
            ["https://cdn.example.com/a.mp3", "https://cdn.example.com/v.mp4", "https://cdn.example.com/v.webm"],
            entries[0].Enclosures.Select(e => e.Url));
        Assert.Equal(2048, entries[0].Enclosures[1].Length);
        Assert.Equal("Tom &amp; Jerry &lt;3", entries[0].Summary);
        Assert.Equal("<p>Hi</p>", entries[1].Summary);
    }
}
