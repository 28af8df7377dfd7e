using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Rss;

/// <summary>
/// One RSS item (2.0, 0.9x, or RSS 1.0 / 0.90 where the item's elements live in the RSS
/// namespace) to a <see cref="ParsedEntry"/>, with the usual modules: content, Dublin Core, iTunes.
/// </summary>
internal static class RssEntryMapper
{
    public static ParsedEntry Map(XElement item, XNamespace ns, Uri? inScopeBase, Uri? feedBase, ParseContext context)
    {
        var title = HtmlText.ToPlainText(XmlContent.Text(item.Element(ns + "title")))
            ?? HtmlText.ToPlainText(XmlContent.Text(item.Element(Ns.DublinCore + "title")))
            ?? HtmlText.ToPlainText(XmlContent.Text(item.Element(Ns.Media + "title")));
        var guid = item.Element(Ns.None + "guid");
        var id = XmlContent.Text(guid) ?? XmlContent.Attribute(item, Ns.Rdf + "about");
        var dcDate = XmlContent.Text(item.Element(Ns.DublinCore + "date"));

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = Link(item, ns, guid, id),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, item.Attribute(Ns.XmlBase)?.Value, feedBase),
            Published = context.Date(
                title ?? id,
                ("pubDate", XmlContent.Text(item.Element(ns + "pubDate"))),
                ("dc:date", dcDate),
                ("dcterms:issued", XmlContent.Text(item.Element(Ns.DublinCoreTerms + "issued"))),
                ("dcterms:created", XmlContent.Text(item.Element(Ns.DublinCoreTerms + "created")))),
            Updated = context.Date(
                title ?? id,
                ("atom:updated", XmlContent.Text(item.Element(Ns.Atom10 + "updated"))),
                ("dcterms:modified", XmlContent.Text(item.Element(Ns.DublinCoreTerms + "modified"))),
                // Dublin Core has one date: it is the last change as much as the publication.
                ("dc:date", dcDate)),
            Authors = Authors(item, ns),
            Summary = XmlContent.Html(item.Element(ns + "description"))
                ?? Escaped(XmlContent.Text(item.Element(Ns.ITunes + "summary"))),
            Content = XmlContent.Html(item.Element(Ns.Content + "encoded")),
            Categories = Distinct(
                item.Elements(ns + "category").Concat(item.Elements(Ns.DublinCore + "subject"))
                    .Select(e => HtmlText.ToPlainText(e.Value))),
            Enclosures = Enclosures(item),
            Language = XmlContent.Attribute(item, Ns.XmlLang) ?? XmlContent.Text(item.Element(Ns.DublinCore + "language")),
        };
    }

    // The item's link; else an Atom alternate link; else a guid that is a permalink URL.
    private static string? Link(XElement item, XNamespace ns, XElement? guid, string? id)
    {
        var link = XmlContent.Text(item.Element(ns + "link"))
            ?? item.Elements(Ns.Atom10 + "link")
                .Where(l => XmlContent.Attribute(l, "rel") is null or "alternate")
                .Select(l => XmlContent.Attribute(l, "href"))
                .FirstOrDefault(href => href is not null);
        if (link is not null)
            return link;

        var permalink = guid is null || !string.Equals(XmlContent.Attribute(guid, "isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        return permalink && EntryLinks.LooksLikeWebUrl(id) ? id : null;
    }

    private static List<string> Authors(XElement item, XNamespace ns) => Distinct(
        item.Elements(ns + "author").Select(e => RssAuthor.Name(e.Value))
            .Concat(item.Elements(Ns.DublinCore + "creator").Select(e => HtmlText.ToPlainText(e.Value)))
            .Concat(item.Elements(Ns.ITunes + "author").Select(e => HtmlText.ToPlainText(e.Value))));

    private static List<Enclosure> Enclosures(XElement item) =>
        [.. item.Elements(Ns.None + "enclosure")
            .Select(e => (Url: XmlContent.Attribute(e, "url"), Element: e))
            .Where(e => e.Url is not null)
            .Select(e => new Enclosure(e.Url!, XmlContent.Attribute(e.Element, "type"), EntryLinks.Length(e.Element.Attribute("length")?.Value)))
            .DistinctBy(e => e.Url)];

    private static string? Escaped(string? text) => text is null ? null : HtmlText.Escape(text);

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal)];
}
