using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>Walks atom:feed: its metadata elements and its entries (1.0 or 0.3, named by <paramref name="ns"/>).</summary>
internal sealed class AtomFeedHandler(XNamespace ns, bool atom03, Uri? feedBase, ParseContext context) : IXmlFeedHandler
{
    private readonly bool _atom03 = atom03;
    private readonly XmlFieldSet _metadata = new([], []);

    public string? Title => AtomText.ToPlainText(_metadata.First(ns, "title"), _atom03);
    public string? TitleHtml => AtomText.DeclaredHtml(_metadata.First(ns, "title"), _atom03);
    public string? Link => AtomEntryMapper.AlternateLink(_metadata, ns, feedBase);

    /// <summary>The hrefs of the feed's link rel="hub" elements (WebSub).</summary>
    public List<string> Hubs => LinksWith("hub").ToList();

    /// <summary>The href of the feed's link rel="self".</summary>
    public string? SelfUrl => LinksWith("self").FirstOrDefault();

    /// <summary>The base of <see cref="TitleHtml"/>'s links when the title has its own xml:base.</summary>
    public Uri? TitleBaseUrl => XmlBase.OwnBase(_metadata.First(ns, "title"), feedBase);

    public string? Description =>
        AtomText.ToPlainText(_metadata.First(ns, _atom03 ? "tagline" : "subtitle"), _atom03);

    /// <summary>Atom entries without an author inherit the feed's.</summary>
    public List<Author> Authors => AtomPerson.All(_metadata, ns);

    public bool IsContainer(XmlReader reader) => false;

    public bool IsEntry(XmlReader reader) => reader.LocalName == "entry" && reader.NamespaceURI == ns.NamespaceName;

    // Only the elements read later are kept; a feed's metadata is small.
    public void OnMetadata(XmlField field)
    {
        if (field.Namespace == ns.NamespaceName && field.LocalName is "title" or "link" or "subtitle" or "tagline" or "author")
            _metadata.Add(field);
    }

    private IEnumerable<string> LinksWith(string rel) => _metadata.All(ns, "link")
        .Where(l => l.Attribute("rel") == rel)
        .Select(l => l.Attribute("href"))
        .OfType<string>();

    public ParsedEntry OnEntry(XmlFieldSet entry, Uri? baseUrl) =>
        AtomEntryMapper.Map(entry, ns, _atom03, baseUrl, feedBase, context);
}
