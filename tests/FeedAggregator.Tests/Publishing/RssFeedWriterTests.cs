using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class RssFeedWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly RssFeedWriter Writer = new();

    private static XElement Channel(MergedFeed feed)
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(Writer.Write(feed))).Root!;
        Assert.Equal("rss", root.Name.LocalName);
        Assert.Equal("2.0", (string?)root.Attribute("version"));
        return root.Element("channel")!;
    }

    [Fact]
    public void Channel_has_the_required_elements_and_a_self_link()
    {
        var channel = Channel(PublishingSamples.Mixed());

        Assert.Equal("FeedAggregator: merged feed", channel.Element("title")!.Value);
        Assert.Equal("http://localhost:5080/", channel.Element("link")!.Value);
        Assert.Equal("Everything the subscribed feeds published, newest first.", channel.Element("description")!.Value);
        Assert.Equal("Sat, 02 Mar 2024 09:30:00 Z", channel.Element("lastBuildDate")!.Value);
        Assert.StartsWith("FeedAggregator ", channel.Element("generator")!.Value, StringComparison.Ordinal);
        Assert.Null(channel.Element("language"));
        var self = channel.Element(Atom + "link")!;
        Assert.Equal("http://localhost:5080/feed.rss", (string?)self.Attribute("href"));
        Assert.Equal("self", (string?)self.Attribute("rel"));
        Assert.Equal("application/rss+xml", (string?)self.Attribute("type"));
    }

    [Fact]
    public void Description_falls_back_to_the_title()
    {
        var channel = Channel(PublishingSamples.Feed() with { Description = null });

        Assert.Equal("FeedAggregator: merged feed", channel.Element("description")!.Value);
    }

    [Fact]
    public void Item_carries_every_field()
    {
        var item = Channel(PublishingSamples.Feed(PublishingSamples.English())).Element("item")!;

        Assert.Equal("Night buses extended to the harbour district", item.Element("title")!.Value);
        Assert.Equal("https://news.example.com/2024/03/night-buses?utm=feed&page=1", item.Element("link")!.Value);
        Assert.StartsWith("<p>Council extends night buses", item.Element("description")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("<p>The city council voted", item.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        var guid = item.Element("guid")!;
        Assert.Equal("tag:localhost,2024:article:1", guid.Value);
        Assert.Equal("false", (string?)guid.Attribute("isPermaLink"));
        Assert.Equal("Sat, 02 Mar 2024 09:15:00 Z", item.Element("pubDate")!.Value);
        Assert.Equal(["Jane Doe", "Omar Haddad"], item.Elements(Dc + "creator").Select(c => c.Value));
        Assert.Equal(["Transport", "City council"], item.Elements("category").Select(c => c.Value));
        var enclosure = item.Element("enclosure")!;
        Assert.Equal("https://example.com/img/night-bus.jpg", (string?)enclosure.Attribute("url"));
        Assert.Equal("image/jpeg", (string?)enclosure.Attribute("type"));
        Assert.Equal("48213", (string?)enclosure.Attribute("length"));
        var source = item.Element("source")!;
        Assert.Equal("https://news.example.com/feed.xml", (string?)source.Attribute("url"));
        Assert.Equal("City News", source.Value);
    }

    [Fact]
    public void Pub_date_is_rfc_822_in_utc_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
        try
        {
            var item = Channel(PublishingSamples.Feed(PublishingSamples.English())).Element("item")!;

            Assert.Equal("Sat, 02 Mar 2024 09:15:00 Z", item.Element("pubDate")!.Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Arabic_item_html_is_right_to_left()
    {
        var item = Channel(PublishingSamples.Feed(PublishingSamples.Arabic())).Element("item")!;

        Assert.Equal("إعادة افتتاح المكتبة العامة في المدينة القديمة", item.Element("title")!.Value);
        Assert.StartsWith("<div dir=\"rtl\"><p>أعادت", item.Element("description")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("<div dir=\"rtl\"><p>افتتحت", item.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Equal("أخبار المدينة", item.Element("source")!.Value);
    }

    [Fact]
    public void Item_without_url_or_published_uses_first_seen_and_no_link()
    {
        var item = Channel(PublishingSamples.Feed(PublishingSamples.PodcastEpisode())).Element("item")!;

        Assert.Null(item.Element("link"));
        Assert.Null(item.Element(Content + "encoded"));
        Assert.Contains("community radio", item.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal("Tue, 27 Feb 2024 12:00:00 Z", item.Element("pubDate")!.Value);
        Assert.Empty(item.Elements(Dc + "creator"));
    }

    [Fact]
    public void Only_the_first_enclosure_is_written_and_length_defaults_to_zero()
    {
        var podcast = PublishingSamples.PodcastEpisode();
        var reversed = podcast with { Article = podcast.Article with { Enclosures = [.. podcast.Article.Enclosures.Reverse()] } };

        var enclosure = Assert.Single(Channel(PublishingSamples.Feed(reversed)).Element("item")!.Elements("enclosure"));

        Assert.Equal("https://radio.example.org/ep42.ogg", (string?)enclosure.Attribute("url"));
        Assert.Equal("0", (string?)enclosure.Attribute("length"));
        Assert.Equal("application/octet-stream", (string?)enclosure.Attribute("type"));
    }

    [Fact]
    public void Content_only_item_uses_the_content_as_description()
    {
        var article = PublishingSamples.Article(7, "Content only") with { ContentHtml = "<p>Body</p>" };

        var item = Channel(PublishingSamples.Feed(new MergedItem(article, PublishingSamples.CityNews))).Element("item")!;

        Assert.Equal("<p>Body</p>", item.Element("description")!.Value);
        Assert.Equal("<p>Body</p>", item.Element(Content + "encoded")!.Value);
    }

    [Fact]
    public void Empty_feed_is_a_complete_channel()
    {
        var channel = Channel(PublishingSamples.Feed());

        Assert.Empty(channel.Elements("item"));
        Assert.NotNull(channel.Element("title"));
        Assert.NotNull(channel.Element("link"));
        Assert.NotNull(channel.Element("description"));
    }

    [Fact]
    public void Control_characters_are_removed_and_the_document_parses()
    {
        var item = Channel(PublishingSamples.Feed(PublishingSamples.ControlCharacters())).Element("item")!;

        Assert.Equal("Bell and null in the title \U0001F68C", item.Element("title")!.Value);
        Assert.Equal("<p>Verticaltab, lone low, keep\ttab\nand newline</p>", item.Element(Content + "encoded")!.Value);
        Assert.Equal("Escape", item.Element(Dc + "creator")!.Value);
        Assert.Equal("City News", item.Element("source")!.Value);
    }

    // content:encoded and dc:creator are written by TextElementSerializer rather than handed over as
    // strings (which Syndication writes with a DataContractSerializer): the same bytes.
    [Theory]
    [InlineData("<p>Body &amp; <b>bold</b></p>")]
    [InlineData("")]
    [InlineData("  spaced \n\t lines \r\n and a lone \r ")]
    [InlineData("]]> <![CDATA[ x ]]> \"quoted\" 'apos' <&>")]
    [InlineData("emoji \U0001F600, no-break\u00a0space, \u202Bembedding")]
    public void Text_elements_are_written_as_the_data_contract_form_was(string text)
    {
        Assert.Equal(
            Written(new SyndicationElementExtension("encoded", Content.NamespaceName, text)),
            Written(RssFeedWriter.Element("encoded", Content.NamespaceName, text)));
    }

    private static string Written(SyndicationElementExtension extension)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, CheckCharacters = true }))
        {
            // Inside an element that declares the prefix, as the channel does.
            writer.WriteStartElement("item");
            writer.WriteAttributeString("xmlns", "content", null, Content.NamespaceName);
            extension.WriteTo(writer);
            writer.WriteEndElement();
        }

        return text.ToString();
    }
}
