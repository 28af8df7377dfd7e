using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>
/// The namespaces feeds use under a conventional prefix, often without declaring it
/// (content:encoded, atom:link, itunes:*). An undeclared prefix is bound to its namespace here,
/// any other one to a placeholder, so its elements are still read (and ignored when unknown).
/// </summary>
internal static class WellKnownPrefixes
{
    private static readonly Dictionary<string, string> Namespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        ["content"] = Ns.Content.NamespaceName,
        ["atom"] = Ns.Atom10.NamespaceName,
        ["dc"] = Ns.DublinCore.NamespaceName,
        ["dcterms"] = Ns.DublinCoreTerms.NamespaceName,
        ["itunes"] = Ns.ITunes.NamespaceName,
        ["media"] = Ns.Media.NamespaceName,
        ["sy"] = Ns.Syndication.NamespaceName,
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["georss"] = "http://www.georss.org/georss",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
        ["rdf"] = Ns.Rdf.NamespaceName,
    };

    public static string NamespaceOf(string prefix) =>
        Namespaces.TryGetValue(prefix, out var ns) ? ns : "urn:x-feedaggregator:undeclared:" + prefix;
}
