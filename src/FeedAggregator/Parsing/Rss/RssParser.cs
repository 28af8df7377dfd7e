using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Rss;

/// <summary>RSS 2.0, 0.9x and RSS 1.0 (RDF); the reader stands on the root element.</summary>
internal static class RssParser
{
    public static ParseResult Parse(XmlReader reader, FeedFormat format, XNamespace ns, ParseContext context)
    {
        var feedBase = XmlBase.Resolve(context.DocumentUrl, reader.GetAttribute("xml:base"));
        var rootLanguage = reader.XmlLang;
        var handler = new RssChannelHandler(ns, feedBase, context);
        var entries = context.NewEntryList();
        var error = XmlFeedWalker.Walk(reader, handler, entries, feedBase);

        var feed = new ParsedFeed
        {
            Format = format,
            Title = handler.Title,
            Link = handler.Link,
            Description = handler.Description,
            Language = handler.Language ?? (rootLanguage.Length > 0 ? rootLanguage : null),
            BaseUrl = feedBase,
            PollHints = handler.Hints.ToHints(),
            Hubs = handler.Hubs,
            SelfUrl = handler.SelfUrl,
        };
        return context.CompleteXml(feed, entries, error);
    }
}
