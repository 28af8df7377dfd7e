using System.ServiceModel.Syndication;
using System.Xml;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>A second opinion: .NET's own Atom and RSS reader must load what the writers produce.</summary>
public sealed class SyndicationInteropTests
{
    private static SyndicationFeed Load(IFeedWriter writer, MergedFeed feed)
    {
        using var reader = XmlReader.Create(new MemoryStream(writer.Write(feed)));
        return SyndicationFeed.Load(reader);
    }

    public static TheoryData<string> Formats => ["atom", "rss"];

    private static IFeedWriter Writer(string format) => format == "atom" ? new AtomFeedWriter() : new RssFeedWriter();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Loads_every_item_with_ids_titles_links_and_dates(string format)
    {
        var feed = Load(Writer(format), PublishingSamples.Mixed());

        Assert.Equal("FeedAggregator: merged feed", feed.Title.Text);
        var items = feed.Items.ToList();
        Assert.Equal(["tag:localhost,2024:article:1", "tag:localhost,2024:article:2", "tag:localhost,2024:article:3"], items.Select(i => i.Id));
        Assert.Equal("إعادة افتتاح المكتبة العامة في المدينة القديمة", items[1].Title.Text);
        Assert.Equal(new Uri("https://news.example.com/2024/03/night-buses?utm=feed&page=1"), items[0].Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 15, 0, TimeSpan.Zero), items[0].PublishDate);
        Assert.Equal(["Transport", "City council"], items[0].Categories.Select(c => c.Name));
        Assert.Equal("City News", items[0].SourceFeed.Title.Text);
        Assert.Contains(items[2].Links, l => l.RelationshipType == "enclosure" && l.Uri == new Uri("https://radio.example.org/ep42.mp3") && l.Length == 31_457_280);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Loads_an_empty_feed(string format) =>
        Assert.Empty(Load(Writer(format), PublishingSamples.Feed()).Items);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Loads_a_feed_whose_text_had_control_characters(string format)
    {
        var item = Assert.Single(Load(Writer(format), PublishingSamples.Feed(PublishingSamples.ControlCharacters())).Items);

        Assert.Equal("Bell and null in the title \U0001F68C", item.Title.Text);
    }

    [Fact]
    public void Atom_authors_and_content_survive()
    {
        var item = Load(new AtomFeedWriter(), PublishingSamples.Feed(PublishingSamples.English())).Items.Single();

        Assert.Equal(["Jane Doe", "Omar Haddad"], item.Authors.Select(a => a.Name));
        var content = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Equal("html", content.Type);
        Assert.StartsWith("<p>The city council voted", content.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 20, 0, TimeSpan.Zero), item.LastUpdatedTime);
    }
}
