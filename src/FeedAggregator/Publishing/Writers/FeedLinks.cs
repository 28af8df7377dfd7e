namespace FeedAggregator.Publishing.Writers;

/// <summary>Where each published document lives, relative to the merged feed's base URL.</summary>
internal static class FeedLinks
{
    public static string Page(MergedFeed feed) => Clean(feed.BaseUrl);

    public static string Atom(MergedFeed feed) => Document(feed, FeedDocument.Atom);

    public static string Rss(MergedFeed feed) => Document(feed, FeedDocument.Rss);

    public static string Json(MergedFeed feed) => Document(feed, FeedDocument.Json);

    /// <summary>The media type without parameters, as link type attributes want it.</summary>
    public static string MediaType(FeedDocument document)
    {
        var semicolon = document.MediaType.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? document.MediaType : document.MediaType[..semicolon].Trim();
    }

    private static string Document(MergedFeed feed, FeedDocument document) =>
        Clean(new Uri(feed.BaseUrl, document.FileName));

    private static string Clean(Uri uri) => CharacterFilter.Strip(uri.AbsoluteUri);
}
