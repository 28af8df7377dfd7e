using System.Text;
using FeedAggregator.Storage;

namespace FeedAggregator.Publishing;

/// <summary>
/// One view of the merged feed: a filter, a page size and a page (1 = the newest). Its
/// <see cref="Key"/> is the canonical query string, so equal views share one cached rendering.
/// </summary>
/// <param name="LimitGiven">Whether ?limit= was asked for (it is kept in the links then).</param>
/// <param name="CategoryInPath">Asked for as /category/NAME/feed.*: its links keep that path, not ?category=.</param>
public sealed record FeedView(ArticleFilter Filter, int Limit, int Page = 1, bool LimitGiven = false, bool CategoryInPath = false)
{
    public const int MaxLimit = 500;

    /// <summary>The whole merged feed, first page, as configured.</summary>
    public bool IsDefault => Filter == ArticleFilter.None && !LimitGiven && Page == 1;

    /// <summary>The canonical query string of this view ("" or "?..."), parameters in a fixed order.</summary>
    public string Key => QueryFor(Page);

    /// <summary>What comes before the document's file name in this view's URL: "" or "category/NAME/".</summary>
    public string Path => CategoryInPath && Filter.Category is { } category ? $"category/{Uri.EscapeDataString(category)}/" : "";

    /// <summary>The feed's identity: the same for its pages and for both spellings of a category feed.</summary>
    public string FeedKey => (this with { Page = 1, CategoryInPath = false }).Key;

    /// <summary>The query string of another page of this view; page 1 is left implicit.</summary>
    public string QueryFor(int page)
    {
        var query = new StringBuilder();
        Append(query, "source", Filter.Source);
        Append(query, "category", CategoryInPath ? null : Filter.Category);
        Append(query, "lang", Filter.Language);
        Append(query, "q", Filter.Text);
        if (LimitGiven)
        {
            Append(query, "limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (page > 1)
        {
            Append(query, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
