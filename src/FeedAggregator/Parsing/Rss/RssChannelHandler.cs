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

    public bool IsContainer(XmlReader reader) => Is(reader, "channel");

    public bool IsEntry(XmlReader reader) => Is(reader, "item");

    public void OnMetadata(XElement element)
    {
        if (element.Name == ns + "title" || element.Name == Ns.DublinCore + "title")
            Title ??= HtmlText.ToPlainText(element.Value);
        else if (element.Name == ns + "link")
            Link ??= XmlContent.Text(element);
        else if (element.Name == Ns.Atom10 + "link" && XmlContent.Attribute(element, "rel") is null or "alternate")
            Link ??= XmlContent.Attribute(element, "href");
        else if (element.Name == ns + "description")
            Description ??= HtmlText.ToPlainText(element.Value);
        else if (element.Name == ns + "language" || element.Name == Ns.DublinCore + "language")
            Language ??= XmlContent.Text(element);
        else
            Hints.Read(element);
    }

    public ParsedEntry OnEntry(XElement element, Uri? baseUrl) =>
        RssEntryMapper.Map(element, ns, baseUrl, feedBase, context);

    private bool Is(XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI == ns.NamespaceName;
}
