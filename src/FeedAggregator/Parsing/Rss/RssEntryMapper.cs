using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Atom;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Rss;

/// <summary>
/// One RSS item (2.0, 0.9x, or RSS 1.0 / 0.90 where the item's elements live in the RSS
/// namespace) to a <see cref="ParsedEntry"/>, with the usual modules: content, Atom, Dublin Core,
/// iTunes, Media RSS (content as enclosures, description as a summary). Where several elements
/// give one value, the native RSS element comes first, then Atom's, then Dublin Core's, then
/// iTunes' and Media RSS's (README, "RSS field precedence").
/// </summary>
internal static class RssEntryMapper
{
    public static ParsedEntry Map(XmlFieldSet item, XNamespace ns, Uri? inScopeBase, Uri? feedBase, ParseContext context)
    {
        var fields = new ItemFields(item, ns.NamespaceName);
        var entryBase = XmlBase.Resolve(inScopeBase, item.XmlBase);
        var title = HtmlText.ToPlainText(XmlContent.Text(fields.Title))
            ?? HtmlText.ToPlainText(XmlContent.Text(fields.DcTitle))
            ?? HtmlText.ToPlainText(XmlContent.Text(fields.MediaTitle));
        var id = XmlContent.Text(fields.Guid) ?? item.Attribute("about", Ns.Rdf.NamespaceName);
        var dcDate = XmlContent.Text(fields.DcDate);
        var (summary, summaryField) = Summary(fields);
        var (content, contentField) = Content(fields);

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = Link(item, fields, id, entryBase),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, item.XmlBase, feedBase),
            Published = context.Date(
                title ?? id,
                ("pubDate", XmlContent.Text(fields.PubDate)),
                ("atom:published", XmlContent.Text(fields.AtomPublished)),
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
            Summary = summary,
            SummaryBaseUrl = XmlBase.OwnBase(summaryField, entryBase),
            Content = content,
            ContentBaseUrl = XmlBase.OwnBase(contentField, entryBase),
            Categories = Categories(item, ns),
            Enclosures = Enclosures(item, entryBase),
            Language = item.XmlLang ?? XmlContent.Text(fields.DcLanguage),
        };
    }

    // description, atom:summary, dc:description, itunes:summary (text), media:description.
    private static (string? Html, XmlField? Field) Summary(in ItemFields fields)
    {
        if (XmlContent.Html(fields.Description) is { } description)
            return (description, fields.Description);
        if (AtomText.ToHtml(fields.AtomSummary, atom03: false) is { } atomSummary)
            return (atomSummary, fields.AtomSummary);
        if (XmlContent.Html(fields.DcDescription) is { } dcDescription)
            return (dcDescription, fields.DcDescription);
        if (Escaped(XmlContent.Text(fields.ITunesSummary)) is { } itunes)
            return (itunes, fields.ITunesSummary);
        return (MediaDescription(fields.MediaDescription), fields.MediaDescription);
    }

    // content:encoded, then atom:content.
    private static (string? Html, XmlField? Field) Content(in ItemFields fields) =>
        XmlContent.Html(fields.Encoded) is { } encoded
            ? (encoded, fields.Encoded)
            : (AtomText.ToHtml(fields.AtomContent, atom03: false), fields.AtomContent);

    // The item's link; else an Atom alternate link; else a guid that is a permalink URL.
    private static string? Link(XmlFieldSet item, in ItemFields fields, string? id, Uri? entryBase)
    {
        if (fields.Link is { } link && XmlContent.Text(link) is { } text)
            return XmlBase.Url(text, link, entryBase);
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.Atom10, "link") && field.Attribute("rel") is null or "alternate" && field.Attribute("href") is { } href)
                return XmlBase.Url(href, field, entryBase);
        }

        var guid = fields.Guid;
        var permalink = guid is null || !string.Equals(guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        return permalink && EntryLinks.LooksLikeWebUrl(id) ? id : null;
    }

    // RSS author, atom:author, dc:creator, itunes:author, in that order; one person named twice
    // (an e-mail in author, the name in dc:creator) is one author.
    private static List<Author> Authors(XmlFieldSet item, XNamespace ns)
    {
        var authors = new List<Author>(1);
        foreach (var field in item.Fields)
        {
            if (field.Is(ns, "author"))
                AuthorText.Add(authors, AuthorText.Parse(field.Text));
        }
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.Atom10, "author"))
                AuthorText.Add(authors, AtomPerson.Read(field, Ns.Atom10));
        }
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.DublinCore, "creator"))
                AuthorText.Add(authors, AuthorText.Parse(field.Text));
        }
        foreach (var field in item.Fields)
        {
            if (field.LocalName == "author" && Ns.IsITunes(field.Namespace))
                AuthorText.Add(authors, AuthorText.Parse(field.Text));
        }
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
    private static List<Enclosure> Enclosures(XmlFieldSet item, Uri? entryBase)
    {
        var enclosures = new List<Enclosure>(1);
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.None, "enclosure"))
                Add(enclosures, XmlBase.Url(field.Attribute("url"), field, entryBase), field.Attribute("type"), field.Attribute("length"));
        }
        foreach (var field in item.Fields)
        {
            if (field.Is(Ns.Media, "content"))
                Add(enclosures, XmlBase.Url(field.Attribute("url"), field, entryBase), field.Attribute("type"), field.Attribute("fileSize"));
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
