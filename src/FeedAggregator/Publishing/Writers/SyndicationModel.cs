using System.ServiceModel.Syndication;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// What Atom and RSS share, in System.ServiceModel.Syndication's model: the feed with its self,
/// page, RFC 5005 paging and hub links; each item's id, title, link, date, categories and source.
/// </summary>
internal static class SyndicationModel
{
    private const string XmlnsNs = "http://www.w3.org/2000/xmlns/";

    public static SyndicationFeed Feed(MergedFeed feed, FeedDocument document, IEnumerable<SyndicationItem> items)
    {
        var result = new SyndicationFeed(items)
        {
            Id = CharacterFilter.Strip(feed.Id),
            Title = Text(feed.Title),
            Description = string.IsNullOrWhiteSpace(feed.Description) ? null : Text(feed.Description),
            LastUpdatedTime = feed.Updated.ToUniversalTime(),
            Generator = GeneratorInfo.NameAndVersion,
        };
        var mediaType = FeedLinks.MediaType(document);
        AddLink(result.Links, FeedLinks.Self(feed, document), "self", mediaType);
        AddLink(result.Links, FeedLinks.Page(feed), "alternate", "text/html");
        foreach (var (rel, href) in FeedLinks.Navigation(feed, document))
        {
            AddLink(result.Links, href, rel, null);
        }

        return result;
    }

    /// <summary>The fields every XML item has; <paramref name="item"/>'s strings are already filtered.</summary>
    public static SyndicationItem Item(ItemView item)
    {
        var result = new SyndicationItem
        {
            Id = item.Id,
            Title = new TextSyndicationContent(item.Title),
            PublishDate = item.Published,
        };
        AddLink(result.Links, item.Url, "alternate", null);
        foreach (var category in item.Categories)
        {
            result.Categories.Add(new SyndicationCategory(category));
        }

        return result;
    }

    /// <summary>The feed an item came from: atom:source, or RSS's source element with its url.</summary>
    public static SyndicationFeed Source(ItemView item)
    {
        var source = new SyndicationFeed
        {
            Id = item.Source.Id,
            Title = new TextSyndicationContent(item.Source.Title),
            // The source's own time is not kept; the entry's is a true lower bound for it.
            LastUpdatedTime = item.Updated,
        };
        AddLink(source.Links, item.Source.FeedUrl, "self", null);
        AddLink(source.Links, item.Source.SiteUrl, "alternate", null);
        return source;
    }

    /// <summary>An enclosure as the model has it: a link with its media type and length (0: unknown).</summary>
    public static SyndicationLink? Enclosure(EnclosureView enclosure, string? mediaType) =>
        Absolute(enclosure.Url) is { } uri ? new SyndicationLink(uri, "enclosure", null, mediaType, enclosure.Length ?? 0) : null;

    /// <summary>Declares a namespace prefix once, on the element the extensions live under.</summary>
    public static void DeclareNamespace(Dictionary<XmlQualifiedName, string> attributes, string prefix, string ns) =>
        attributes.Add(new XmlQualifiedName(prefix, XmlnsNs), ns);

    private static TextSyndicationContent Text(string text) => new(CharacterFilter.Strip(text));

    // A link is written only when it is an absolute URL; anything else would mislead a reader.
    private static void AddLink(ICollection<SyndicationLink> links, string? href, string rel, string? mediaType)
    {
        if (Absolute(href) is { } uri)
        {
            links.Add(new SyndicationLink(uri, rel, null, mediaType, 0));
        }
    }

    private static Uri? Absolute(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && !uri.IsFile ? uri : null;
}
