using System.ServiceModel.Syndication;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// RSS 2.0 (rssboard.org spec) through Rss20FeedFormatter, with atom:link self and paging links;
/// the HTML content as content:encoded and the authors as dc:creator, element extensions both.
/// </summary>
public sealed class RssFeedWriter : IFeedWriter
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private static readonly Uri Docs = new("https://www.rssboard.org/rss-specification");

    // RSS requires an enclosure's length; 0 is the convention for "unknown" that the model leaves out.
    private static readonly XmlQualifiedName Length = new("length", string.Empty);

    public FeedDocument Document => FeedDocument.Rss;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var channel = SyndicationModel.Feed(feed, Document, feed.Items.Select(item => Item(ItemView.From(item, feed))));

        // Required by RSS; the items are in many languages, so <language> is left out.
        channel.Description ??= channel.Title;
        channel.Documentation = new SyndicationLink(Docs);
        SyndicationModel.DeclareNamespace(channel.AttributeExtensions, "content", ContentNs);
        SyndicationModel.DeclareNamespace(channel.AttributeExtensions, "dc", DcNs);
        return SyndicationDocument.Write(new Rss20FeedFormatter(channel));
    }

    private static SyndicationItem Item(ItemView item)
    {
        var rss = SyndicationModel.Item(item);
        if (item.Directed(item.SummaryHtml ?? item.ContentHtml) is { } description)
        {
            rss.Summary = new TextSyndicationContent(description);
        }

        if (item.Directed(item.ContentHtml) is { } content)
        {
            rss.ElementExtensions.Add(Element("encoded", ContentNs, content));
        }

        // RSS's own author element wants an e-mail address; Dublin Core's creator takes a name.
        foreach (var author in item.Authors)
        {
            rss.ElementExtensions.Add(Element("creator", DcNs, author));
        }

        // Many readers take only one enclosure per item (the spec's author meant one, the
        // RSS Best Practices Profile says), so RSS carries the first; Atom and JSON carry all.
        if (item.Enclosures.Count > 0
            && SyndicationModel.Enclosure(item.Enclosures[0], item.Enclosures[0].MediaType ?? EnclosureView.UnknownMediaType) is { } enclosure)
        {
            if (enclosure.Length == 0)
            {
                enclosure.AttributeExtensions.Add(Length, "0");
            }

            rss.Links.Add(enclosure);
        }

        rss.SourceFeed = SyndicationModel.Source(item);
        return rss;
    }

    internal static SyndicationElementExtension Element(string name, string ns, string text) =>
        new(name, ns, text, TextElementSerializer.Instance);
}
