using System.Globalization;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>Atom 1.0 (RFC 4287): the merged feed with each entry's origin in atom:source.</summary>
public sealed class AtomFeedWriter : IFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public FeedDocument Document => FeedDocument.Atom;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return FeedXml.Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            WriteText(writer, "id", feed.Id);
            WriteText(writer, "title", feed.Title, "text");
            if (!string.IsNullOrWhiteSpace(feed.Description))
            {
                WriteText(writer, "subtitle", feed.Description, "text");
            }

            WriteText(writer, "updated", FeedDates.Rfc3339(feed.Updated));
            WriteLink(writer, "self", FeedLinks.Atom(feed), FeedLinks.MediaType(FeedDocument.Atom));
            WriteLink(writer, "alternate", FeedLinks.Page(feed), "text/html");
            foreach (var (rel, href) in FeedLinks.Navigation(feed, FeedDocument.Atom))
            {
                WriteLink(writer, rel, href, rel == "hub" ? null : FeedLinks.MediaType(FeedDocument.Atom));
            }

            writer.WriteStartElement("generator", AtomNs);
            FeedXml.Attribute(writer, "version", GeneratorInfo.Version);
            writer.WriteString(GeneratorInfo.Name);
            writer.WriteEndElement();

            foreach (var item in feed.Items)
            {
                WriteEntry(writer, ItemView.From(item, feed));
            }

            writer.WriteEndElement();
        });
    }

    private static void WriteEntry(XmlWriter writer, ItemView item)
    {
        writer.WriteStartElement("entry", AtomNs);
        if (item.Language is not null)
        {
            writer.WriteAttributeString("xml", "lang", null, item.Language);
        }

        WriteText(writer, "id", item.Id);
        WriteText(writer, "title", item.Title, "text");
        WriteText(writer, "updated", FeedDates.Rfc3339(item.Updated));
        if (item.Published is { } published)
        {
            WriteText(writer, "published", FeedDates.Rfc3339(published));
        }

        if (item.Url is not null)
        {
            WriteLink(writer, "alternate", item.Url, null);
        }

        foreach (var author in item.Authors)
        {
            WritePerson(writer, author);
        }

        foreach (var category in item.Categories)
        {
            writer.WriteStartElement("category", AtomNs);
            FeedXml.Attribute(writer, "term", category);
            writer.WriteEndElement();
        }

        foreach (var enclosure in item.Enclosures)
        {
            WriteLink(writer, "enclosure", enclosure.Url, enclosure.MediaType,
                enclosure.Length?.ToString(CultureInfo.InvariantCulture));
        }

        // RFC 4287 4.1.1.1: an entry without an alternate link must carry content, so the
        // summary (or nothing) moves into content when there is neither content nor link.
        var summaryIsContent = item.ContentHtml is null && item.Url is null;
        if (item.SummaryHtml is not null && !summaryIsContent)
        {
            WriteText(writer, "summary", item.Directed(item.SummaryHtml)!, "html");
        }

        var content = summaryIsContent ? item.SummaryHtml : item.ContentHtml;
        if (content is not null || summaryIsContent)
        {
            WriteText(writer, "content", item.Directed(content) ?? string.Empty, "html");
        }

        WriteSource(writer, item);
        writer.WriteEndElement();
    }

    private static void WriteSource(XmlWriter writer, ItemView item)
    {
        writer.WriteStartElement("source", AtomNs);
        WriteText(writer, "id", item.Source.Id);
        WriteText(writer, "title", item.Source.Title, "text");

        // The source's own time is not kept; the entry's is a true lower bound for it.
        WriteText(writer, "updated", FeedDates.Rfc3339(item.Updated));
        WriteLink(writer, "self", item.Source.FeedUrl, null);
        if (item.Source.SiteUrl is not null)
        {
            WriteLink(writer, "alternate", item.Source.SiteUrl, null);
        }

        // RFC 4287 4.2.1: a source's authors apply to an entry that names none, so the entry is
        // credited to the feed it came from rather than left without the required author.
        if (item.Authors.Count == 0)
        {
            WritePerson(writer, item.Source.Title);
        }

        writer.WriteEndElement();
    }

    private static void WritePerson(XmlWriter writer, string name)
    {
        writer.WriteStartElement("author", AtomNs);
        WriteText(writer, "name", name);
        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string rel, string href, string? type, string? length = null)
    {
        writer.WriteStartElement("link", AtomNs);
        FeedXml.Attribute(writer, "rel", rel);
        FeedXml.Attribute(writer, "href", href);
        if (type is not null)
        {
            FeedXml.Attribute(writer, "type", type);
        }

        if (length is not null)
        {
            FeedXml.Attribute(writer, "length", length);
        }

        writer.WriteEndElement();
    }

    private static void WriteText(XmlWriter writer, string name, string text, string? type = null)
    {
        writer.WriteStartElement(name, AtomNs);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteString(CharacterFilter.Strip(text));
        writer.WriteEndElement();
    }
}
