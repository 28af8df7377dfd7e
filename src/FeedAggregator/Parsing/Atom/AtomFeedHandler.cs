using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>Walks atom:feed: its metadata elements and its entries (1.0 or 0.3, named by <paramref name="ns"/>).</summary>
internal sealed class AtomFeedHandler(XNamespace ns, bool atom03, Uri? feedBase, ParseContext context) : IXmlFeedHandler
{
    private readonly bool _atom03 = atom03;
    private readonly XElement _metadata = new(ns + "feed");

    public string? Title => AtomText.ToPlainText(_metadata.Element(ns + "title"), _atom03);
    public string? Link => AtomEntryMapper.AlternateLink(_metadata, ns);

    public string? Description =>
        AtomText.ToPlainText(_metadata.Element(ns + (_atom03 ? "tagline" : "subtitle")), _atom03);

    /// <summary>Atom entries without an author inherit the feed's.</summary>
    public List<string> Authors => AtomEntryMapper.Authors(_metadata, ns);

    public bool IsContainer(XmlReader reader) => false;

    public bool IsEntry(XmlReader reader) => reader.LocalName == "entry" && reader.NamespaceURI == ns.NamespaceName;

    // Only the elements read later are kept; a feed's metadata is small.
    public void OnMetadata(XElement element)
    {
        if (element.Name.Namespace == ns && element.Name.LocalName is "title" or "link" or "subtitle" or "tagline" or "author")
            _metadata.Add(element);
    }

    public ParsedEntry OnEntry(XElement element, Uri? baseUrl) =>
        AtomEntryMapper.Map(element, ns, _atom03, baseUrl, feedBase, context);
}
