using System.Globalization;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>RSS 2.0 (rssboard.org spec) with atom:link self, content:encoded and dc:creator.</summary>
public sealed class RssFeedWriter : IFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public FeedDocument Document => FeedDocument.Rss;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return FeedXml.Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNs);
            writer.WriteAttributeString("xmlns", "content", null, ContentNs);
            writer.WriteAttributeString("xmlns", "dc", null, DcNs);
            writer.WriteStartElement("channel");
            FeedXml.Text(writer, "title", feed.Title);
            FeedXml.Text(writer, "link", FeedLinks.Page(feed));

            // Required by RSS; the items are in many languages, so <language> is left out.
            FeedXml.Text(writer, "description",
                string.IsNullOrWhiteSpace(feed.Description) ? feed.Title : feed.Description);
            FeedXml.Text(writer, "lastBuildDate", FeedDates.Rfc822(feed.Updated));
            FeedXml.Text(writer, "generator", GeneratorInfo.NameAndVersion);
            FeedXml.Text(writer, "docs", "https://www.rssboard.org/rss-specification");
            writer.WriteStartElement("link", AtomNs);
            writer.WriteAttributeString("href", FeedLinks.Rss(feed));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", FeedLinks.MediaType(FeedDocument.Rss));
            writer.WriteEndElement();
            foreach (var (rel, href) in FeedLinks.Navigation(feed, FeedDocument.Rss))
            {
                writer.WriteStartElement("link", AtomNs);
                FeedXml.Attribute(writer, "href", href);
                writer.WriteAttributeString("rel", rel);
                writer.WriteEndElement();
            }

            foreach (var item in feed.Items)
            {
                WriteItem(writer, ItemView.From(item, feed));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    private static void WriteItem(XmlWriter writer, ItemView item)
    {
        writer.WriteStartElement("item");
        FeedXml.Text(writer, "title", item.Title);
        if (item.Url is not null)
        {
            FeedXml.Text(writer, "link", item.Url);
        }

        if (item.Directed(item.SummaryHtml ?? item.ContentHtml) is { } description)
        {
            FeedXml.Text(writer, "description", description);
        }

        if (item.Directed(item.ContentHtml) is { } content)
        {
            FeedXml.Text(writer, "encoded", content, ContentNs);
        }

        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "false");
        writer.WriteString(item.Id);
        writer.WriteEndElement();

        // RSS has no "updated": pubDate is the publication date, or when the article was first
        // seen here (readers would otherwise use their own, later, fetch time).
        if ((item.Published ?? item.FirstSeen) is { } date)
        {
            FeedXml.Text(writer, "pubDate", FeedDates.Rfc822(date));
        }

        foreach (var author in item.Authors)
        {
            FeedXml.Text(writer, "creator", author, DcNs);
        }

        foreach (var category in item.Categories)
        {
            FeedXml.Text(writer, "category", category);
        }

        // Many readers take only one enclosure per item (the spec's author meant one, the
        // RSS Best Practices Profile says), so RSS carries the first; Atom and JSON carry all.
        if (item.Enclosures.Count > 0)
        {
            var enclosure = item.Enclosures[0];
            writer.WriteStartElement("enclosure");
            FeedXml.Attribute(writer, "url", enclosure.Url);
            FeedXml.Attribute(writer, "length", (enclosure.Length ?? 0).ToString(CultureInfo.InvariantCulture));
            FeedXml.Attribute(writer, "type", enclosure.MediaType ?? EnclosureView.UnknownMediaType);
            writer.WriteEndElement();
        }

        writer.WriteStartElement("source");
        FeedXml.Attribute(writer, "url", item.Source.FeedUrl);
        writer.WriteString(item.Source.Title);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
