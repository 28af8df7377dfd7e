namespace FeedAggregator.Model;

/// <summary>
/// A WebSub hub a feed declared (a <c>Link: &lt;...&gt;; rel="hub"</c> header, an atom:link
/// rel="hub", a JSON Feed "hubs" entry) and the topic to subscribe to there: the feed's rel="self"
/// URL, else the URL it was fetched from.
/// </summary>
public sealed record HubLink(string Hub, string Topic);
