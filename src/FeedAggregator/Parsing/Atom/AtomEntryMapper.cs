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
        var entryBase = XmlBase.Resolve(inScopeBase, entry.XmlBase);
        var titleField = entry.First(ns, "title");
        var summaryField = entry.First(ns, "summary");
        var contentField = entry.First(ns, "content");
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
            TitleBaseUrl = XmlBase.OwnBase(titleField, entryBase),
            Link = AlternateLink(entry, ns, entryBase),
            BaseUrl = EntryLinks.OwnBase(inScopeBase, entry.XmlBase, feedBase),
            Published = published ?? updated,
            Updated = updated,
            Authors = AtomPerson.All(entry, ns),
            Summary = AtomText.ToHtml(summaryField, atom03),
            SummaryBaseUrl = XmlBase.OwnBase(summaryField, entryBase),
            Content = AtomText.ToHtml(contentField, atom03),
            ContentBaseUrl = XmlBase.OwnBase(contentField, entryBase),
            Categories = [.. entry.All(ns, "category")
                .Select(c => HtmlText.CollapseWhitespace(c.Attribute("label") ?? c.Attribute("term")))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)],
            Enclosures = Enclosures(entry, ns, entryBase),
            Language = entry.XmlLang,
        };
    }

    /// <summary>
    /// rel="alternate" (or no rel), preferring an HTML one when several exist; a link with its own
    /// xml:base is resolved against it.
    /// </summary>
    public static string? AlternateLink(XmlFieldSet fields, XNamespace ns, Uri? inScope)
    {
        var alternates = fields.All(ns, "link")
            .Where(l => l.Attribute("rel") is null or "alternate" && l.Attribute("href") is not null)
            .ToList();
        var best = alternates.FirstOrDefault(l => l.Attribute("type") is null or "text/html") ?? alternates.FirstOrDefault();
        return best is null ? null : XmlBase.Url(best.Attribute("href"), best, inScope);
    }

    private static string? Last(XmlFieldSet entry, XNamespace ns, string localName) => XmlContent.Text(entry.Last(ns, localName));

    private static List<Enclosure> Enclosures(XmlFieldSet entry, XNamespace ns, Uri? entryBase) =>
        [.. entry.All(ns, "link")
            .Where(l => l.Attribute("rel") == "enclosure" && l.Attribute("href") is not null)
            .Select(l => new Enclosure(XmlBase.Url(l.Attribute("href"), l, entryBase)!, l.Attribute("type"), EntryLinks.Length(l.Attribute("length"))))
            .DistinctBy(e => e.Url)];
}
