using System.Text;
using System.Xml.Linq;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class AtomFeedWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly AtomFeedWriter Writer = new();

    private static XElement Render(MergedFeed feed) =>
        XDocument.Parse(Encoding.UTF8.GetString(Writer.Write(feed))).Root!;

    [Fact]
    public void Feed_has_id_title_updated_links_and_generator()
    {
        var root = Render(PublishingSamples.Mixed());

        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("tag:localhost,2024:feedaggregator", root.Element(Atom + "id")!.Value);
        Assert.Equal("FeedAggregator: merged feed", root.Element(Atom + "title")!.Value);
        Assert.Equal("2024-03-02T09:30:00Z", root.Element(Atom + "updated")!.Value);
        var self = Link(root, "self");
        Assert.Equal("http://localhost:5080/feed.atom", (string?)self.Attribute("href"));
        Assert.Equal("application/atom+xml", (string?)self.Attribute("type"));
        var page = Link(root, "alternate");
        Assert.Equal("http://localhost:5080/", (string?)page.Attribute("href"));
        Assert.Equal("text/html", (string?)page.Attribute("type"));
        Assert.Matches(@"^FeedAggregator \d+\.\d+\.\d+", root.Element(Atom + "generator")!.Value);
    }

    [Fact]
    public void Entries_keep_the_given_order()
    {
        var ids = Render(PublishingSamples.Mixed()).Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value);

        Assert.Equal(["tag:localhost,2024:article:1", "tag:localhost,2024:article:2", "tag:localhost,2024:article:3"], ids);
    }

    [Fact]
    public void Entry_carries_every_field()
    {
        var entry = Render(PublishingSamples.Feed(PublishingSamples.English())).Element(Atom + "entry")!;

        Assert.Equal("en", (string?)entry.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("text", (string?)entry.Element(Atom + "title")!.Attribute("type"));
        Assert.Equal("Night buses extended to the harbour district", entry.Element(Atom + "title")!.Value);
        Assert.Equal("2024-03-02T09:20:00Z", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("2024-03-02T09:15:00Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal("https://news.example.com/2024/03/night-buses?utm=feed&page=1", (string?)Link(entry, "alternate").Attribute("href"));
        Assert.Equal(["Jane Doe", "Omar Haddad"], entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal(["Transport", "City council"], entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")));
        Assert.Equal("html", (string?)entry.Element(Atom + "summary")!.Attribute("type"));
        Assert.StartsWith("<p>Council extends night buses", entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
        Assert.Contains("<pre><code>if (a &lt; b &amp;&amp; c &gt; d) { return \"]]&gt;\"; }</code></pre>", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains("🚌", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);

        var source = entry.Element(Atom + "source")!;
        Assert.Equal("tag:localhost,2024:source:1", source.Element(Atom + "id")!.Value);
        Assert.Equal("City News", source.Element(Atom + "title")!.Value);
        Assert.NotNull(source.Element(Atom + "updated"));
        Assert.Equal("https://news.example.com/feed.xml", (string?)Link(source, "self").Attribute("href"));
        Assert.Equal("https://news.example.com/", (string?)Link(source, "alternate").Attribute("href"));
        Assert.Null(source.Element(Atom + "author"));
    }

    [Fact]
    public void Arabic_entry_is_marked_ar_and_right_to_left()
    {
        var entry = Render(PublishingSamples.Feed(PublishingSamples.Arabic())).Element(Atom + "entry")!;

        Assert.Equal("ar", (string?)entry.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("إعادة افتتاح المكتبة العامة في المدينة القديمة", entry.Element(Atom + "title")!.Value);
        foreach (var name in new[] { "summary", "content" })
        {
            var html = entry.Element(Atom + name)!.Value;
            Assert.StartsWith("<div dir=\"rtl\">", html, StringComparison.Ordinal);
            Assert.EndsWith("</div>", html, StringComparison.Ordinal);
        }

        Assert.Contains("عشرين ألف", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("أخبار المدينة", entry.Element(Atom + "source")!.Element(Atom + "title")!.Value);
    }

    [Fact]
    public void Entry_without_url_or_published_still_has_dates_and_content()
    {
        var entry = Render(PublishingSamples.Feed(PublishingSamples.PodcastEpisode())).Element(Atom + "entry")!;

        Assert.Null(entry.Attribute(XNamespace.Xml + "lang"));

        // Undated: published is when the store first saw it, so readers do not use their fetch time.
        Assert.Equal("2024-02-27T12:00:00Z", entry.Element(Atom + "published")!.Value);
        Assert.DoesNotContain(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        Assert.Equal("2024-02-28T07:00:00Z", entry.Element(Atom + "updated")!.Value);

        // No alternate link: RFC 4287 wants content, so the summary is the content.
        Assert.Null(entry.Element(Atom + "summary"));
        Assert.Contains("community radio", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);

        // No authors: the source names one, which RFC 4287 applies to the entry.
        Assert.Empty(entry.Elements(Atom + "author"));
        Assert.Equal("Community Radio", entry.Element(Atom + "source")!.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.DoesNotContain(entry.Element(Atom + "source")!.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
    }

    [Fact]
    public void Enclosures_are_links_with_type_and_length()
    {
        var links = Render(PublishingSamples.Feed(PublishingSamples.PodcastEpisode())).Element(Atom + "entry")!
            .Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "enclosure").ToList();

        Assert.Equal(2, links.Count);
        Assert.Equal("https://radio.example.org/ep42.mp3", (string?)links[0].Attribute("href"));
        Assert.Equal("audio/mpeg", (string?)links[0].Attribute("type"));
        Assert.Equal("31457280", (string?)links[0].Attribute("length"));

        // "ogg" is not a media type and the length is unknown: both are left out, not invented.
        Assert.Equal("https://radio.example.org/ep42.ogg", (string?)links[1].Attribute("href"));
        Assert.Null(links[1].Attribute("type"));
        Assert.Null(links[1].Attribute("length"));
    }

    [Fact]
    public void Entry_without_any_text_has_empty_content()
    {
        var bare = new MergedItem(PublishingSamples.Article(9, "Title only"), PublishingSamples.CityNews);

        var entry = Render(PublishingSamples.Feed(bare)).Element(Atom + "entry")!;

        Assert.Equal(string.Empty, entry.Element(Atom + "content")!.Value);
        Assert.Equal("2024-02-27T12:00:00Z", entry.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Missing_public_id_falls_back_to_a_tag_uri_from_the_article_id()
    {
        var article = PublishingSamples.Article(42, "Unstored") with { PublicId = null };

        var entry = Render(PublishingSamples.Feed(new MergedItem(article, PublishingSamples.CityNews))).Element(Atom + "entry")!;

        Assert.Equal("tag:localhost,2024:feedaggregator:article:42", entry.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void Updated_is_never_before_published_and_invalid_language_is_dropped()
    {
        var article = PublishingSamples.Article(5, "Scheduled") with
        {
            Published = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.FromHours(-5)),
            Language = "english (uk)",
        };

        var entry = Render(PublishingSamples.Feed(new MergedItem(article, PublishingSamples.CityNews))).Element(Atom + "entry")!;

        Assert.Equal("2024-03-05T13:00:00Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal("2024-03-05T13:00:00Z", entry.Element(Atom + "updated")!.Value);
        Assert.Null(entry.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public void Empty_feed_is_a_complete_document()
    {
        var root = Render(PublishingSamples.Feed());

        Assert.Empty(root.Elements(Atom + "entry"));
        Assert.NotNull(root.Element(Atom + "id"));
        Assert.NotNull(root.Element(Atom + "updated"));
    }

    [Fact]
    public void Control_characters_are_removed_and_the_document_parses()
    {
        var entry = Render(PublishingSamples.Feed(PublishingSamples.ControlCharacters())).Element(Atom + "entry")!;

        Assert.Equal("Bell and null in the title \U0001F68C", entry.Element(Atom + "title")!.Value);
        Assert.Equal("<p>Formfeed and next line</p>", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("<p>Verticaltab, lone low, keep\ttab\nand newline</p>", entry.Element(Atom + "content")!.Value);
        Assert.Equal("Escape", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("Category", (string?)entry.Element(Atom + "category")!.Attribute("term"));
        Assert.Equal("City News", entry.Element(Atom + "source")!.Element(Atom + "title")!.Value);
        Assert.Equal("https://news.example.com/ctl?x=1", (string?)Link(entry, "alternate").Attribute("href"));
    }

    private static XElement Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == rel);

    [Fact]
    public void Entry_with_a_link_and_only_a_summary_keeps_it_as_its_summary()
    {
        var article = PublishingSamples.Article(9, "Linked") with { Url = "https://news.example.com/linked", SummaryHtml = "<p>Short.</p>" };

        var entry = Render(PublishingSamples.Feed(new MergedItem(article, PublishingSamples.CityNews))).Element(Atom + "entry")!;

        Assert.Equal("<p>Short.</p>", entry.Element(Atom + "summary")!.Value);
        Assert.Null(entry.Element(Atom + "content"));
    }
}
