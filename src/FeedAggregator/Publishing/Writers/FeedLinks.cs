namespace FeedAggregator.Publishing.Writers;

/// <summary>Where each published document lives, relative to the merged feed's base URL.</summary>
internal static class FeedLinks
{
    public static string Page(MergedFeed feed) => Clean(feed.BaseUrl);

    public static string Atom(MergedFeed feed) => Self(feed, FeedDocument.Atom);

    public static string Rss(MergedFeed feed) => Self(feed, FeedDocument.Rss);

    public static string Json(MergedFeed feed) => Self(feed, FeedDocument.Json);

    /// <summary>The view's own URL as <paramref name="document"/>: a per-category feed's path, then its query.</summary>
    public static string Self(MergedFeed feed, FeedDocument document) => Document(feed, document, feed.Navigation.Self);

    /// <summary>
    /// The RFC 5005 paging links and the WebSub hub of <paramref name="document"/>, as (rel, href)
    /// in a fixed order; "prev-archive" repeats "next" for readers that follow archived feeds.
    /// </summary>
    public static IEnumerable<(string Rel, string Href)> Navigation(MergedFeed feed, FeedDocument document)
    {
        var nav = feed.Navigation;
        if (nav.First is { } first) yield return ("first", Document(feed, document, first));
        if (nav.Previous is { } previous) yield return ("previous", Document(feed, document, previous));
        if (nav.Next is { } next)
        {
            yield return ("next", Document(feed, document, next));
            yield return ("prev-archive", Document(feed, document, next));
        }

        if (nav.Last is { } last) yield return ("last", Document(feed, document, last));
        if (nav.Hub is { } hub) yield return ("hub", CharacterFilter.Strip(hub));
    }

    /// <summary>The media type without parameters, as link type attributes want it.</summary>
    public static string MediaType(FeedDocument document)
    {
        var semicolon = document.MediaType.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? document.MediaType : document.MediaType[..semicolon].Trim();
    }

    private static string Document(MergedFeed feed, FeedDocument document, string query) =>
        Clean(new Uri(feed.BaseUrl, feed.Navigation.Path + document.FileName + query));

    private static string Clean(Uri uri) => CharacterFilter.Strip(uri.AbsoluteUri);
}
