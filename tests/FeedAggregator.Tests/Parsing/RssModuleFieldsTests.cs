using FeedAggregator.Model;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>RSS items that carry Atom, Dublin Core and iTunes elements, and the precedence among them.</summary>
public sealed class RssModuleFieldsTests
{
    [Fact]
    public void Atom_published_author_summary_content_and_alternate_link_are_read()
    {
        var feed = ParseFeed("RssModules/atom-fields-in-items.xml");

        var comet = feed.Entries[0];
        Assert.Equal("https://observatory.example.edu/comet", comet.Link); // the alternate, not the self link
        Assert.Equal(new DateTimeOffset(2024, 4, 8, 19, 0, 0, TimeSpan.Zero), comet.Published);
        Assert.Equal(new DateTimeOffset(2024, 4, 9, 7, 0, 0, TimeSpan.Zero), comet.Updated);
        Assert.Equal([new Author("Dr. Lena Moss", "lmoss@observatory.example.edu")], comet.Authors);
        Assert.Equal("Look west after sunset.", comet.Summary);
        Assert.Equal("<p>Look <b>west</b> after sunset.</p>", comet.Content);

        var openNight = feed.Entries[1];
        Assert.Equal("https://observatory.example.edu/open-night", openNight.Link);
        Assert.Equal("<p>Telescopes from <em>eight</em>.</p>", openNight.Content);
    }

    [Fact]
    public void Dublin_core_description_and_creator_and_itunes_summary_and_author_are_read()
    {
        var feed = ParseFeed("RssModules/dc-itunes-fields-in-items.xml");

        Assert.Equal("Blackbirds first, then everyone.", feed.Entries[0].Summary);
        Assert.Equal([new Author("Sam Iyer", null)], feed.Entries[0].Authors);
        Assert.Equal("Forty minutes of rain &amp; nothing else.", feed.Entries[1].Summary); // text, escaped into HTML
        Assert.Equal([new Author("Sam Iyer", null)], feed.Entries[1].Authors);
        Assert.Equal(["Sam Iyer", "Noor Haddad"], feed.Entries[2].Authors.Select(a => a.Name));
        Assert.Null(feed.Entries[2].Summary);
    }

    [Fact]
    public void Native_elements_come_first_then_atom_then_dublin_core_then_itunes()
    {
        var feed = ParseFeed("RssModules/field-precedence.xml");

        var both = feed.Entries[0];
        Assert.Equal("https://kitchen.example.com/native", both.Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero), both.Published);
        Assert.Equal("Native description.", both.Summary);
        Assert.Equal("<p>Native content.</p>", both.Content);
        // author, atom:author, dc:creator, itunes:author: one person named twice is one author.
        Assert.Equal([new Author("Ana Ruiz", "chef@kitchen.example.com"), new Author("Ben Cho", null)], both.Authors);

        var noNative = feed.Entries[1];
        Assert.Equal(new DateTimeOffset(2024, 2, 2, 0, 0, 0, TimeSpan.Zero), noNative.Published); // atom:published before dc:date
        Assert.Equal("DC description.", noNative.Summary); // dc:description before itunes:summary

        Assert.Equal("iTunes summary.", feed.Entries[2].Summary); // itunes:summary is plain text: markup in it is not kept
    }

    [Fact]
    public void The_itunes_namespace_is_read_in_either_case()
    {
        var feed = ParseText("""
            <rss xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel>
            <item><itunes:summary>Capitals</itunes:summary><itunes:author>Old Podcaster</itunes:author></item>
            </channel></rss>
            """).Feed!;

        Assert.Equal("Capitals", feed.Entries[0].Summary);
        Assert.Equal("Old Podcaster", feed.Entries[0].Authors[0].Name);
    }
}
