using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>Atom 1.0 and 0.3; the reader stands on the feed element.</summary>
internal static class AtomParser
{
    public static ParseResult Parse(XmlReader reader, FeedFormat format, XNamespace ns, ParseContext context)
    {
        var feedBase = XmlBase.Resolve(context.DocumentUrl, reader.GetAttribute("xml:base"));
        var language = reader.XmlLang;
        var handler = new AtomFeedHandler(ns, format == FeedFormat.Atom03, feedBase, context);
        var entries = context.NewEntryList();
        var error = XmlFeedWalker.Walk(reader, handler, entries, feedBase);

        var feed = new ParsedFeed
        {
            Format = format,
            Title = handler.Title,
            TitleHtml = handler.TitleHtml,
            TitleBaseUrl = handler.TitleBaseUrl,
            Link = handler.Link,
            Description = handler.Description,
            Language = language.Length > 0 ? language : null,
            BaseUrl = feedBase,
            Hubs = handler.Hubs,
            SelfUrl = handler.SelfUrl,
        };
        var result = context.CompleteXml(feed, entries, error);
        return InheritAuthors(result, handler.Authors);
    }

    private static ParseResult InheritAuthors(ParseResult result, List<Author> feedAuthors)
    {
        if (result.Feed is not { } feed || feedAuthors.Count == 0)
            return result;
        var entries = feed.Entries.Select(e => e.Authors.Count > 0 ? e : e with { Authors = feedAuthors }).ToList();
        return ParseResult.Success(feed with { Entries = entries });
    }
}
