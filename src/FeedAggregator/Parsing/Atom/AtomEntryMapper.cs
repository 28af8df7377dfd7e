using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>One atom:entry (1.0 or 0.3, named by <paramref name="ns"/>) to a <see cref="ParsedEntry"/>.</summary>
internal static class AtomEntryMapper
{
    public static ParsedEntry Map(XmlFieldSet entry, XNamespace ns, bool atom03, Uri? inScopeBase, Uri? feedBase, ParseContext context)
    {
        var titleField = entry.First(ns, "title");
        var title = AtomText.ToPlainText(titleField, atom03);
        var id = XmlContent.Text(entry.First(ns, "id"));
        var name = title ?? id;
        // Atom requires only the updated date: an entry without a published one is dated by it (as Miniflux does).
        // Feeds mix the 0.3 and 1.0 names; when a date is given twice, the last one stands (as in feedparser).
        var updated = context.Date(name, ("updated", Last(entry, ns, "updated")), ("modified", Last(entry, ns, "modified")));
        var published = context.Date(name,
            ("published", Last(entry, ns, "published")), ("issued", Last(entry, ns, "issued")), ("created", Last(entry, ns, "created")));

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            TitleHtml = AtomText.DeclaredHtml(titleField, atom03),
            Link = AlternateLink(entry, ns),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, entry.XmlBase, feedBase),
            Published = published ?? updated,
            Updated = updated,
            Authors = Authors(entry, ns),
            Summary = AtomText.ToHtml(entry.First(ns, "summary"), atom03),
            Content = AtomText.ToHtml(entry.First(ns, "content"), atom03),
            Categories = [.. entry.All(ns, "category")
                .Select(c => HtmlText.CollapseWhitespace(c.Attribute("label") ?? c.Attribute("term")))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)],
            Enclosures = Enclosures(entry, ns),
            Language = entry.XmlLang,
        };
    }

    /// <summary>Names of the atom:author elements (else their e-mail) among <paramref name="fields"/>.</summary>
    public static List<string> Authors(XmlFieldSet fields, XNamespace ns) =>
        [.. fields.All(ns, "author")
            .Select(a => HtmlText.CollapseWhitespace(XmlContent.Text(a.Tree?.Element(ns + "name")) ?? XmlContent.Text(a.Tree?.Element(ns + "email"))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    /// <summary>rel="alternate" (or no rel), preferring an HTML one when several exist.</summary>
    public static string? AlternateLink(XmlFieldSet fields, XNamespace ns)
    {
        var alternates = fields.All(ns, "link")
            .Where(l => l.Attribute("rel") is null or "alternate" && l.Attribute("href") is not null)
            .ToList();
        var best = alternates.FirstOrDefault(l => l.Attribute("type") is null or "text/html") ?? alternates.FirstOrDefault();
        return best?.Attribute("href");
    }

    private static string? Last(XmlFieldSet entry, XNamespace ns, string localName) => XmlContent.Text(entry.Last(ns, localName));

    private static List<Enclosure> Enclosures(XmlFieldSet entry, XNamespace ns) =>
        [.. entry.All(ns, "link")
            .Where(l => l.Attribute("rel") == "enclosure" && l.Attribute("href") is not null)
            .Select(l => new Enclosure(l.Attribute("href")!, l.Attribute("type"), EntryLinks.Length(l.Attribute("length"))))
            .DistinctBy(e => e.Url)];
}
