using System.Xml;
using System.Xml.Linq;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// Names the feed format from the root element alone (as Miniflux's parser/format.go does), never
/// from the URL or the Content-Type, which are often wrong. Leaves the reader on the root.
/// </summary>
internal static class XmlFormatDetector
{
    /// <summary>The format, else why not; <c>XmlError</c> is set when the XML broke before the root element.</summary>
    public static (XmlFeedKind? Kind, string? Error, string? XmlError) Detect(XmlReader reader, ReadOnlySpan<char> text)
    {
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
                return (null, "not a feed: the document has no root element", null);
        }
        catch (XmlException ex)
        {
            var message = XmlErrorText.Printable(ex.Message);
            return (null, LooksLikeHtml(text)
                ? "not a feed: the document is an HTML page"
                : $"not a feed: the document is neither a feed's XML nor JSON ({message})", message);
        }

        var (kind, error) = Name(reader);
        return (kind, error, null);
    }

    private static (XmlFeedKind? Kind, string? Error) Name(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        return reader.LocalName switch
        {
            "rss" => (RssKind(reader.GetAttribute("version"), ns), null),
            "RDF" when ns == Ns.Rdf.NamespaceName => (RdfKind(reader.LookupNamespace(string.Empty)), null),
            "feed" when ns == Ns.Atom10.NamespaceName => (new XmlFeedKind(FeedFormat.Atom10, Ns.Atom10), null),
            "feed" when ns == Ns.Atom03.NamespaceName => (new XmlFeedKind(FeedFormat.Atom03, Ns.Atom03), null),
            // No namespace or an unknown one: still Atom in shape (as feedparser reads it), 0.3 when it says so.
            "feed" => (new XmlFeedKind(reader.GetAttribute("version")?.Trim() == "0.3" ? FeedFormat.Atom03 : FeedFormat.Atom10, XNamespace.Get(ns)), null),
            "html" => (null, "not a feed: the document's root element is <html>, a web page"),
            _ => (null, $"not a feed: the document's root element is <{reader.Name}>"),
        };
    }

    // 0.91, 0.92, 0.93, 0.94 share 2.0's shape; no version (or anything else) is read as 2.0.
    private static XmlFeedKind RssKind(string? version, string ns) =>
        new(version?.Trim().StartsWith("0.9", StringComparison.Ordinal) == true ? FeedFormat.Rss09x : FeedFormat.Rss20,
            XNamespace.Get(ns));

    private static XmlFeedKind RdfKind(string? defaultNamespace) =>
        defaultNamespace == Ns.Rss090.NamespaceName
            ? new XmlFeedKind(FeedFormat.Rss09x, Ns.Rss090)
            : new XmlFeedKind(FeedFormat.Rss10, Ns.Rss10);

    private static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 1024)];
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }
}
