using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Rss;

/// <summary>
/// One RSS item (2.0, 0.9x, or RSS 1.0 / 0.90 where the item's elements live in the RSS
/// namespace) to a <see cref="ParsedEntry"/>, with the usual modules: content, Dublin Core, iTunes,
/// Media RSS (content as enclosures, description as a summary).
/// </summary>
internal static class RssEntryMapper
{
    public static ParsedEntry Map(XmlFieldSet item, XNamespace ns, Uri? inScopeBase, Uri? feedBase, ParseContext context)
    {
        var fields = new ItemFields(item, ns.NamespaceName);
        var title = HtmlText.ToPlainText(XmlContent.Text(fields.Title))
            ?? HtmlText.ToPlainText(XmlContent.Text(fields.DcTitle))
            ?? HtmlText.ToPlainText(XmlContent.Text(fields.MediaTitle));
        var id = XmlContent.Text(fields.Guid) ?? item.Attribute("about", Ns.Rdf.NamespaceName);
        var dcDate = XmlContent.Text(fields.DcDate);

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = Link(item, fields, id),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, item.XmlBase, feedBase),
            Published = context.Date(
                title ?? id,
                ("pubDate", XmlContent.Text(fields.PubDate)),
                ("dc:date", dcDate),
                ("dcterms:issued", XmlContent.Text(fields.Issued)),
                ("dcterms:created", XmlContent.Text(fields.Created))),
            Updated = context.Date(
                title ?? id,
                ("atom:updated", XmlContent.Text(fields.AtomUpdated)),
                ("dcterms:modified", XmlContent.Text(fields.Modified)),
                // Dublin Core has one date: it is the last change as much as the publication.
                ("dc:date", dcDate)),
            Authors = Authors(item, ns),
            Summary = XmlContent.Html(fields.Description)
                ?? Escaped(XmlContent.Text(fields.ITunesSummary))
                ?? MediaDescription(fields.MediaDescription),
            Content = XmlContent.Html(fields.Encoded),
            Categories = Categories(item, ns),
            Enclosures = Enclosures(item),
            Language = item.XmlLang ?? XmlContent.Text(fields.DcLanguage),
        };
    }

    // The item's link; else an Atom alternate link; else a guid that is a permalink URL.
    private static string? Link(XmlFieldSet item, in ItemFields fields, string? id)
    {
        var guid = fields.Guid;
        var link = XmlContent.Text(fields.Link)
            ?? item.All(Ns.Atom10, "link")
                .Where(l => l.Attribute("rel") is null or "alternate")
                .Select(l => l.Attribute("href"))
                .FirstOrDefault(href => href is not null);
        if (link is not null)
            return link;

        var permalink = guid is null || !string.Equals(guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        return permalink && EntryLinks.LooksLikeWebUrl(id) ? id : null;
    }

    // RSS author first, then Dublin Core, then iTunes: the order readers show them in.
    private static List<string> Authors(XmlFieldSet item, XNamespace ns)
    {
        var authors = new List<string>(1);
        foreach (var field in item.Fields)
        {
            if (field.Is(ns, "author"))
                DistinctValues.Add(authors, RssAuthor.Name(field.Text));
        }
        AddText(authors, item, Ns.DublinCore, "creator");
        AddText(authors, item, Ns.ITunes, "author");
        return authors;
    }

    private static List<string> Categories(XmlFieldSet item, XNamespace ns)
    {
        var categories = new List<string>(2);
        AddText(categories, item, ns, "category");
        AddText(categories, item, Ns.DublinCore, "subject");
        return categories;
    }

    private static void AddText(List<string> values, XmlFieldSet item, XNamespace ns, string localName)
    {
        foreach (var field in item.Fields)
        {
            if (field.Is(ns, localName))
                DistinctValues.Add(values, HtmlText.ToPlainText(field.Text));
        }
    }

    // RSS enclosures first, then Media RSS content (alone or in a media:group) that is not one already.
    private static List<Enclosure> Enclosures(XmlFieldSet item)
    {
        var enclosures = new List<Enclosure>(1);
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.None, "enclosure"))
                Add(enclosures, field.Attribute("url"), field.Attribute("type"), field.Attribute("length"));
        }
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.Media, "content"))
                Add(enclosures, field.Attribute("url"), field.Attribute("type"), field.Attribute("fileSize"));
            else if (field.Is(Ns.Media, "group") && field.Tree is { } group)
            {
                foreach (var content in group.Elements(Ns.Media + "content"))
                    Add(enclosures, XmlContent.Attribute(content, "url"), XmlContent.Attribute(content, "type"), XmlContent.Attribute(content, "fileSize"));
            }
        }
        return enclosures;
    }

    private static void Add(List<Enclosure> enclosures, string? url, string? type, string? length)
    {
        if (url is not null && !enclosures.Exists(e => e.Url == url))
            enclosures.Add(new Enclosure(url, type, EntryLinks.Length(length)));
    }

    // Media RSS: type="html" is HTML, anything else plain text.
    private static string? MediaDescription(XmlField? field) =>
        field?.Attribute("type") == "html" ? XmlContent.Html(field) : Escaped(XmlContent.Text(field));

    private static string? Escaped(string? text) => text is null ? null : HtmlText.Escape(text);
}
