using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>What an RSS channel says about itself: the first of each repeated element, Atom links, the language.</summary>
public sealed class RssChannelTests
{
    [Fact]
    public void The_first_of_each_repeated_channel_element_is_the_one_read()
    {
        var feed = ParseText("""
            <rss><channel>
              <title>First title</title><title>Second title</title>
              <link>https://kitchen.example.com/</link><link>https://elsewhere.example.com/</link>
              <description>First description</description><description>Second description</description>
              <language>en-GB</language><language>fr</language>
              <ttl>90</ttl>
            </channel></rss>
            """).Feed!;

        Assert.Equal("First title", feed.Title);
        Assert.Equal("https://kitchen.example.com/", feed.Link);
        Assert.Equal("First description", feed.Description);
        Assert.Equal("en-GB", feed.Language);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.PollHints.Interval);
    }

    [Fact]
    public void Atom_links_in_a_channel_give_the_home_page_the_hubs_and_the_first_self_url()
    {
        var feed = ParseText("""
            <rss xmlns:atom="http://www.w3.org/2005/Atom"><channel>
              <title>Kitchen</title>
              <atom:link rel="related" href="https://kitchen.example.com/related"/>
              <atom:link rel="self" href="https://kitchen.example.com/feed.xml"/>
              <atom:link rel="self" href="https://kitchen.example.com/other.xml"/>
              <atom:link rel="hub" href="https://hub.example.com/"/>
              <atom:link rel="hub"/>
              <atom:link rel="hub" href="https://hub2.example.com/"/>
              <atom:link rel="alternate" href="https://kitchen.example.com/home"/>
              <atom:link href="https://kitchen.example.com/no-rel"/>
            </channel></rss>
            """).Feed!;

        Assert.Equal("https://kitchen.example.com/home", feed.Link);
        Assert.Equal(["https://hub.example.com/", "https://hub2.example.com/"], feed.Hubs);
        Assert.Equal("https://kitchen.example.com/feed.xml", feed.SelfUrl);
    }

    [Fact]
    public void An_atom_link_without_rel_is_the_home_page_when_the_channel_has_no_link()
    {
        var feed = ParseText("""
            <rss xmlns:atom="http://www.w3.org/2005/Atom"><channel>
              <title>Kitchen</title>
              <atom:link href="https://kitchen.example.com/no-rel"/>
              <atom:link rel="alternate" href="https://kitchen.example.com/home"/>
            </channel></rss>
            """).Feed!;

        Assert.Equal("https://kitchen.example.com/no-rel", feed.Link);
    }

    [Theory]
    [InlineData("<rss xml:lang=\"en\"><channel><title>K</title></channel></rss>", "en")]
    [InlineData("<rss xml:lang=\"en\"><channel><title>K</title><language>fr</language></channel></rss>", "fr")]
    [InlineData("<rss xml:lang=\"\"><channel><title>K</title></channel></rss>", null)]
    [InlineData("<rss><channel><title>K</title></channel></rss>", null)]
    public void The_channel_language_comes_before_the_root_xml_lang(string document, string? language)
    {
        Assert.Equal(language, ParseText(document).Feed!.Language);
    }
}
