using System.Xml;

namespace FeedAggregator.Parsing.Xml;

/// <summary>What one XML format tells <see cref="XmlFeedWalker"/>: which elements to enter, which are entries.</summary>
internal interface IXmlFeedHandler
{
    /// <summary>An element whose children are walked too (RSS: channel).</summary>
    bool IsContainer(XmlReader reader);

    /// <summary>An element read as one entry (item, entry).</summary>
    bool IsEntry(XmlReader reader);

    /// <summary>Any other element of the root or a container: feed metadata.</summary>
    void OnMetadata(XmlField field);

    /// <summary>One entry's elements, with the xml:base in scope where it stands.</summary>
    ParsedEntry OnEntry(XmlFieldSet entry, Uri? baseUrl);
}
