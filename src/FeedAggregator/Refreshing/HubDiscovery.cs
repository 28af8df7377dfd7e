using FeedAggregator.Fetching;
using FeedAggregator.Model;
using FeedAggregator.Parsing;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The WebSub hub a fetched feed declares and the topic to subscribe to (WebSub section 4): the
/// response's Link headers first, then the document's own links; the topic is the rel="self" URL,
/// else the URL the document came from. Only absolute http(s) URLs count.
/// </summary>
public static class HubDiscovery
{
    public static HubLink? Find(IReadOnlyList<string> linkHeaders, ParsedFeed document, Uri documentUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(documentUrl);
        var documentBase = document.BaseUrl ?? documentUrl;
        var hub = FirstWebUrl(LinkHeader.Targets(linkHeaders, "hub"), documentUrl)
            ?? FirstWebUrl(document.Hubs, documentBase);
        if (hub is null)
            return null;
        var topic = FirstWebUrl(LinkHeader.Targets(linkHeaders, "self"), documentUrl)
            ?? FirstWebUrl(document.SelfUrl is { } self ? [self] : [], documentBase)
            ?? documentUrl;
        return new HubLink(hub.AbsoluteUri, topic.AbsoluteUri);
    }

    private static Uri? FirstWebUrl(IEnumerable<string> candidates, Uri baseUrl)
    {
        foreach (var candidate in candidates)
        {
            if (Uri.TryCreate(baseUrl, candidate.Trim(), out var url) && url.Scheme is "http" or "https")
                return url;
        }

        return null;
    }
}
