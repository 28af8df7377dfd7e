using FeedAggregator.Parsing.Xml;
using Ns = FeedAggregator.Parsing.Xml.XmlNamespaces;

namespace FeedAggregator.Parsing.Rss;

/// <summary>
/// The first of each single-valued element of an RSS item, found in one pass over its fields:
/// looking each up in turn scanned every field two dozen times per item.
/// </summary>
internal readonly struct ItemFields
{
    public ItemFields(XmlFieldSet item, string rss)
    {
        var atom = Ns.Atom10.NamespaceName;
        var dc = Ns.DublinCore.NamespaceName;
        foreach (var field in item.Fields)
        {
            var ns = field.Namespace;
            switch (field.LocalName)
            {
                case "title" when ns == rss: Title ??= field; break;
                case "title" when ns == dc: DcTitle ??= field; break;
                case "title" when ns == Ns.Media.NamespaceName: MediaTitle ??= field; break;
                case "link" when ns == rss: Link ??= field; break;
                case "guid" when ns.Length == 0: Guid ??= field; break;
                case "pubDate" when ns == rss: PubDate ??= field; break;
                case "published" when ns == atom: AtomPublished ??= field; break;
                case "date" when ns == dc: DcDate ??= field; break;
                case "issued" when ns == Ns.DublinCoreTerms.NamespaceName: Issued ??= field; break;
                case "created" when ns == Ns.DublinCoreTerms.NamespaceName: Created ??= field; break;
                case "modified" when ns == Ns.DublinCoreTerms.NamespaceName: Modified ??= field; break;
                case "updated" when ns == atom: AtomUpdated ??= field; break;
                case "description" when ns == rss: Description ??= field; break;
                case "summary" when ns == atom: AtomSummary ??= field; break;
                case "description" when ns == dc: DcDescription ??= field; break;
                case "summary" when Ns.IsITunes(ns): ITunesSummary ??= field; break;
                case "encoded" when ns == Ns.Content.NamespaceName: Encoded ??= field; break;
                case "content" when ns == atom: AtomContent ??= field; break;
                case "language" when ns == dc: DcLanguage ??= field; break;
                case "description" when ns == Ns.Media.NamespaceName: MediaDescription ??= field; break;
            }
        }
    }

    public XmlField? Title { get; }
    public XmlField? DcTitle { get; }
    public XmlField? MediaTitle { get; }
    public XmlField? Link { get; }
    public XmlField? Guid { get; }
    public XmlField? PubDate { get; }
    public XmlField? AtomPublished { get; }
    public XmlField? DcDate { get; }
    public XmlField? Issued { get; }
    public XmlField? Created { get; }
    public XmlField? Modified { get; }
    public XmlField? AtomUpdated { get; }
    public XmlField? Description { get; }
    public XmlField? AtomSummary { get; }
    public XmlField? DcDescription { get; }
    public XmlField? ITunesSummary { get; }
    public XmlField? Encoded { get; }
    public XmlField? AtomContent { get; }
    public XmlField? DcLanguage { get; }
    public XmlField? MediaDescription { get; }
}
