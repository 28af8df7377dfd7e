using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Rss;

/// <summary>
/// Walks rss/channel/item (2.0, 0.9x) or rdf:RDF/channel + rdf:RDF/item (1.0, 0.90): the shapes
/// differ only in where items stand and which namespace <paramref name="ns"/> their elements use.
/// Items placed directly under &lt;rss&gt; (a common slip) are read too.
/// </summary>
internal sealed class RssChannelHandler(XNamespace ns, Uri? feedBase, ParseContext context) : IXmlFeedHandler
{
    public string? Title { get; private set; }
    public string? Link { get; private set; }
    public string? Description { get; private set; }
    public string? Language { get; private set; }
    public RssPollHints Hints { get; } = new();
    public List<string> Hubs { get; } = [];
    public string? SelfUrl { get; private set; }

    public bool IsContainer(XmlReader reader) => Is(reader, "channel");

    public bool IsEntry(XmlReader reader) => Is(reader, "item");

    public void OnMetadata(XmlField field)
    {
        if (field.Is(ns, "title") || field.Is(Ns.DublinCore, "title"))
            Title ??= HtmlText.ToPlainText(field.Text);
        else if (field.Is(ns, "link"))
            Link ??= XmlContent.Text(field);
        else if (field.Is(Ns.Atom10, "link") && field.Attribute("rel") is null or "alternate")
            Link ??= field.Attribute("href");
        else if (field.Is(Ns.Atom10, "link") && field.Attribute("rel") == "hub" && field.Attribute("href") is { } hub)
            Hubs.Add(hub);
        else if (field.Is(Ns.Atom10, "link") && field.Attribute("rel") == "self")
            SelfUrl ??= field.Attribute("href");
        else if (field.Is(ns, "description"))
            Description ??= HtmlText.ToPlainText(field.Text);
        else if (field.Is(ns, "language") || field.Is(Ns.DublinCore, "language"))
            Language ??= XmlContent.Text(field);
        else
            Hints.Read(field);
    }

    public ParsedEntry OnEntry(XmlFieldSet entry, Uri? baseUrl) =>
        RssEntryMapper.Map(entry, ns, baseUrl, feedBase, context);

    private bool Is(XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI == ns.NamespaceName;
}
