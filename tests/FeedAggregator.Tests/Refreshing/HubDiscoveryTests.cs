using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Which WebSub hub and topic a fetched feed declares: Link headers first, then the document.</summary>
public sealed class HubDiscoveryTests
{
    private static readonly Uri Fetched = new("https://fetched.example/feed");

    [Fact]
    public void An_atom_feed_declares_its_first_hub_and_its_self_link_resolved_against_xml_base()
    {
        var document = Parse("hub.atom.xml");

        Assert.Equal(["https://hub.example/", "https://second-hub.example/"], document.Hubs);
        Assert.Equal(new HubLink("https://hub.example/", "https://blog.example/feed.atom"), HubDiscovery.Find([], document, Fetched));
    }

    [Fact]
    public void An_rss_feed_declares_its_hub_with_atom_link()
    {
        Assert.Equal(new HubLink("https://pubsubhubbub.example/", "https://news.example/feed/"), HubDiscovery.Find([], Parse("hub.rss.xml"), Fetched));
    }

    [Fact]
    public void A_json_feed_declares_its_websub_hub_among_its_hubs()
    {
        Assert.Equal(new HubLink("https://websub.example/hub", "https://json.example/feed.json"), HubDiscovery.Find([], Parse("hub.json"), Fetched));
    }

    [Fact]
    public void Link_headers_come_before_the_document_and_relative_targets_resolve_against_the_fetched_url()
    {
        var link = HubDiscovery.Find(["</websub/hub>; rel=\"hub\", <https://fetched.example/canonical>; rel=\"self\""], Parse("hub.atom.xml"), Fetched);

        Assert.Equal(new HubLink("https://fetched.example/websub/hub", "https://fetched.example/canonical"), link);
    }

    [Fact]
    public void Without_a_self_link_the_topic_is_the_url_fetched()
    {
        var document = FeedParser.Default.Parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"u8.ToArray(), Fetched).Feed!;

        Assert.Null(HubDiscovery.Find([], document, Fetched));
        Assert.Equal(new HubLink("https://hub.example/", Fetched.AbsoluteUri), HubDiscovery.Find(["<https://hub.example/>; rel=hub"], document, Fetched));
    }

    [Fact]
    public void A_hub_that_is_not_an_http_url_is_not_one()
    {
        var document = FeedParser.Default.Parse(
            """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link rel="hub" href="javascript:alert(1)"/><link rel="hub" href="ftp://hub.example/"/></feed>"""u8.ToArray(),
            Fetched).Feed!;

        Assert.Equal(2, document.Hubs.Count);
        Assert.Null(HubDiscovery.Find(["<mailto:hub@example.com>; rel=hub"], document, Fetched));
    }

    [Fact]
    public void A_plain_http_hub_and_topic_count_as_well_as_https()
    {
        var document = FeedParser.Default.Parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"u8.ToArray(), Fetched).Feed!;

        Assert.Equal(
            new HubLink("http://hub.example/", "http://topic.example/feed"),
            HubDiscovery.Find(["<http://hub.example/>; rel=hub, <http://topic.example/feed>; rel=self"], document, Fetched));
    }

    [Fact]
    public void The_document_and_its_url_are_required()
    {
        var document = FeedParser.Default.Parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"u8.ToArray(), Fetched).Feed!;

        Assert.Throws<ArgumentNullException>(() => HubDiscovery.Find([], null!, Fetched));
        Assert.Throws<ArgumentNullException>(() => HubDiscovery.Find(["<https://hub.example/>; rel=hub"], document, null!));
    }

    private static ParsedFeed Parse(string name)
    {
        var result = FeedParser.Default.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "WebSub", name)), Fetched);
        Assert.True(result.IsSuccess, result.Error);
        return result.Feed!;
    }
}
