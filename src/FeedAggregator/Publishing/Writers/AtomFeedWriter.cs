using System.ServiceModel.Syndication;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>Atom 1.0 (RFC 4287) through Atom10FeedFormatter: the merged feed with each entry's origin in atom:source.</summary>
public sealed class AtomFeedWriter : IFeedWriter
{
    // Each entry's language, which the model lacks (it has one for the feed), as an attribute extension.
    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    public FeedDocument Document => FeedDocument.Atom;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var entries = feed.Items.Select(item => Entry(ItemView.From(item, feed)));
        return SyndicationDocument.Write(new Atom10FeedFormatter(SyndicationModel.Feed(feed, Document, entries)));
    }

    private static SyndicationItem Entry(ItemView item)
    {
        var entry = SyndicationModel.Item(item);
        entry.LastUpdatedTime = item.Updated;
        if (item.Language is not null)
        {
            entry.AttributeExtensions.Add(XmlLang, item.Language);
        }

        foreach (var author in item.Authors)
        {
            entry.Authors.Add(Author(author));
        }

        foreach (var enclosure in item.Enclosures)
        {
            if (SyndicationModel.Enclosure(enclosure, enclosure.MediaType) is { } link)
            {
                entry.Links.Add(link);
            }
        }

        // RFC 4287 4.1.1.1: an entry without an alternate link must carry content, so the
        // summary (or nothing) moves into content when there is neither content nor link.
        var summaryIsContent = item.ContentHtml is null && entry.Links.All(l => l.RelationshipType != "alternate");
        if (item.SummaryHtml is not null && !summaryIsContent)
        {
            entry.Summary = SyndicationContent.CreateHtmlContent(item.Directed(item.SummaryHtml)!);
        }

        var content = summaryIsContent ? item.SummaryHtml : item.ContentHtml;
        if (content is not null || summaryIsContent)
        {
            entry.Content = SyndicationContent.CreateHtmlContent(item.Directed(content) ?? string.Empty);
        }

        entry.SourceFeed = SyndicationModel.Source(item);

        // RFC 4287 4.2.1: a source's authors apply to an entry that names none, so the entry is
        // credited to the feed it came from rather than left without the required author.
        if (item.Authors.Count == 0)
        {
            entry.SourceFeed.Authors.Add(Author(item.Source.Title));
        }

        return entry;
    }

    private static SyndicationPerson Author(string name) => new() { Name = name };
}
