using System.Globalization;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;

namespace FeedAggregator.Worker.Http;

/// <summary>Reads a <see cref="FeedView"/> from ?source= ?category= ?lang= ?q= ?limit= ?page=; other parameters are ignored.</summary>
internal static class FeedViewParser
{
    public static bool TryParse(IQueryCollection query, int defaultLimit, string? category, out FeedView view, out string? error)
    {
        view = null!;
        error = null;
        var limit = defaultLimit;
        var limitText = Value(query, "limit");
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > FeedView.MaxLimit))
        {
            error = $"Publishing: ?limit= must be a whole number from 1 to {FeedView.MaxLimit} (got \"{limitText}\").";
            return false;
        }

        var page = 1;
        var pageText = Value(query, "page");
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            error = $"Publishing: ?page= must be a whole number from 1 (got \"{pageText}\").";
            return false;
        }

        foreach (var name in new[] { "source", "category", "lang", "q" })
        {
            // A control character is never part of a name or a word: refuse rather than pass it to SQL or FTS.
            if (Value(query, name) is { } text && text.Any(char.IsControl))
            {
                error = $"Publishing: ?{name}= must not contain control characters.";
                return false;
            }
        }

        if (category?.Any(char.IsControl) == true)
        {
            error = "Publishing: a category name must not contain control characters.";
            return false;
        }

        var filter = new ArticleFilter(
            Source: Value(query, "source"),
            Category: category ?? Value(query, "category"),
            Language: Value(query, "lang")?.Replace('_', '-').ToLowerInvariant(),
            Text: Value(query, "q"));
        view = new FeedView(filter, limit, page, LimitGiven: limitText is not null, CategoryInPath: category is not null);
        return true;
    }

    // An empty parameter is the same as none, so "?q=" shows the whole feed.
    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}
