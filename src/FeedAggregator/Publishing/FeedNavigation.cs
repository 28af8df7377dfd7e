namespace FeedAggregator.Publishing;

/// <summary>
/// Where a rendered view sits: its own query string and the RFC 5005 paging links (query strings
/// on the same document), plus the WebSub hub. Null links are left out.
/// </summary>
/// <param name="Self">The view's query string, "" for the whole merged feed.</param>
/// <param name="Next">The next older page (RFC 5005 "next", also given as "prev-archive").</param>
/// <param name="Previous">The next newer page.</param>
/// <param name="Hub">The WebSub hub that readers may subscribe at.</param>
/// <param name="Path">Before the document's file name: "" or a per-category feed's "category/NAME/".</param>
public sealed record FeedNavigation(
    string Self = "", string? First = null, string? Last = null, string? Next = null, string? Previous = null, string? Hub = null,
    string Path = "")
{
    public static readonly FeedNavigation None = new();

    /// <summary>The links of <paramref name="view"/> given how many articles match it.</summary>
    public static FeedNavigation For(FeedView view, int total, string? hub)
    {
        var pages = Math.Max(1, (total + view.Limit - 1) / view.Limit);
        return new FeedNavigation(
            view.Key,
            First: view.QueryFor(1),
            Last: view.QueryFor(pages),
            Next: view.Page < pages ? view.QueryFor(view.Page + 1) : null,
            Previous: view.Page > 1 ? view.QueryFor(Math.Min(view.Page - 1, pages)) : null,
            Hub: string.IsNullOrWhiteSpace(hub) ? null : hub,
            Path: view.Path);
    }
}
