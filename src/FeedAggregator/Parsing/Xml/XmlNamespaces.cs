using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>The namespaces feeds are written in.</summary>
internal static class XmlNamespaces
{
    public static readonly XNamespace None = XNamespace.None;
    public static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DublinCoreTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public static readonly XName XmlBase = XNamespace.Xml + "base";
    public static readonly XName XmlLang = XNamespace.Xml + "lang";

    /// <summary>Apple's iTunes namespace; early podcasts wrote its "DTDs" in capitals.</summary>
    public static bool IsITunes(string ns) => string.Equals(ns, ITunes.NamespaceName, StringComparison.OrdinalIgnoreCase);
}
