using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>A detected XML feed: its format and the namespace its feed elements are written in.</summary>
internal sealed record XmlFeedKind(FeedFormat Format, XNamespace Namespace);
