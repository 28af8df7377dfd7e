using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Atom;

/// <summary>One atom:entry (1.0 or 0.3, named by <paramref name="ns"/>) to a <see cref="ParsedEntry"/>.</summary>
internal static class AtomEntryMapper
{
    public static ParsedEntry Map(XElement entry, XNamespace ns, bool atom03, Uri? inScopeBase, Uri? feedBase, ParseContext context)
    {
        var title = AtomText.ToPlainText(entry.Element(ns + "title"), atom03);
        var id = XmlContent.Text(entry.Element(ns + "id"));
        var name = title ?? id;
        // Atom requires only the updated date: an entry without a published one is dated by it (as Miniflux does).
        // Feeds mix the 0.3 and 1.0 names; when a date is given twice, the last one stands (as in feedparser).
        var updated = context.Date(name, ("updated", Last(entry, ns + "updated")), ("modified", Last(entry, ns + "modified")));
        var published = context.Date(name,
            ("published", Last(entry, ns + "published")), ("issued", Last(entry, ns + "issued")), ("created", Last(entry, ns + "created")));

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = AlternateLink(entry, ns),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, entry.Attribute(Ns.XmlBase)?.Value, feedBase),
            Published = published ?? updated,
            Updated = updated,
            Authors = Authors(entry, ns),
            Summary = AtomText.ToHtml(entry.Element(ns + "summary"), atom03),
            Content = AtomText.ToHtml(entry.Element(ns + "content"), atom03),
            Categories = [.. entry.Elements(ns + "category")
                .Select(c => HtmlText.CollapseWhitespace(XmlContent.Attribute(c, "label") ?? XmlContent.Attribute(c, "term")))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)],
            Enclosures = Enclosures(entry, ns),
            Language = XmlContent.Attribute(entry, Ns.XmlLang),
        };
    }

    /// <summary>Names of the atom:author elements (else their e-mail) under <paramref name="parent"/>.</summary>
    public static List<string> Authors(XElement parent, XNamespace ns) =>
        [.. parent.Elements(ns + "author")
            .Select(a => HtmlText.CollapseWhitespace(XmlContent.Text(a.Element(ns + "name")) ?? XmlContent.Text(a.Element(ns + "email"))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    /// <summary>rel="alternate" (or no rel), preferring an HTML one when several exist.</summary>
    public static string? AlternateLink(XElement parent, XNamespace ns)
    {
        var alternates = parent.Elements(ns + "link")
            .Where(l => XmlContent.Attribute(l, "rel") is null or "alternate" && XmlContent.Attribute(l, "href") is not null)
            .ToList();
        var best = alternates.FirstOrDefault(l => XmlContent.Attribute(l, "type") is null or "text/html") ?? alternates.FirstOrDefault();
        return best is null ? null : XmlContent.Attribute(best, "href");
    }

    private static string? Last(XElement entry, XName name) => XmlContent.Text(entry.Elements(name).LastOrDefault());

    private static List<Enclosure> Enclosures(XElement entry, XNamespace ns) =>
        [.. entry.Elements(ns + "link")
            .Where(l => XmlContent.Attribute(l, "rel") == "enclosure" && XmlContent.Attribute(l, "href") is not null)
            .Select(l => new Enclosure(XmlContent.Attribute(l, "href")!, XmlContent.Attribute(l, "type"), EntryLinks.Length(l.Attribute("length")?.Value)))
            .DistinctBy(e => e.Url)];
}
