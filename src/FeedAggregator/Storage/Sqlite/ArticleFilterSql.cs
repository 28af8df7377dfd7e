using System.Text;
using Dapper;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>An <see cref="ArticleFilter"/> as a parameterised WHERE clause over articles a JOIN feeds f.</summary>
internal static class ArticleFilterSql
{
    /// <summary>What the clause is over: each article with its feed.</summary>
    private const string From = "FROM articles a JOIN feeds f ON f.id = a.feed_id";

    /// <summary>Articles of feeds still subscribed: a feed removed from the OPML leaves the merged feed.</summary>
    public const string Subscribed = "f.removed_at IS NULL";

    /// <summary>
    /// True for the earliest published article of its story: one index seek on (story_id, sort_at,
    /// id), and a feed lookup for each earlier one (a removed feed's article no longer leads).
    /// </summary>
    public const string StoryPrimary = """
        NOT EXISTS (SELECT 1 FROM articles e JOIN feeds ef ON ef.id = e.feed_id
                    WHERE e.story_id = a.story_id AND ef.removed_at IS NULL
                    AND (e.sort_at < a.sort_at OR (e.sort_at = a.sort_at AND e.id < a.id)))
        """;

    /// <summary>
    /// The entries of the whole merged feed: each story with a subscribed article once (its first
    /// article is the one shown) and each article without a story id (its own story). The same
    /// number as counting the articles <see cref="StoryPrimary"/> keeps, without a seek per
    /// article (0.45 s against 0.27 s for 220,000 in sqlite3), at every rendering.
    /// </summary>
    private const string StoryCount = $"""
        SELECT count(DISTINCT a.story_id) + coalesce(sum(a.story_id IS NULL), 0)
        {From} WHERE {Subscribed}
        """;

    /// <summary>The view's condition, the statement that counts its entries, and their parameters.</summary>
    public static (string Where, string Count, DynamicParameters Parameters) Build(ArticleFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.Source is { } source)
        {
            conditions.Add("(f.url = @source OR f.title = @source COLLATE NOCASE)");
            parameters.Add("source", source);
        }

        if (filter.Category is { } category)
        {
            conditions.Add("""
                (f.category = @category COLLATE NOCASE
                 OR EXISTS (SELECT 1 FROM json_each(a.categories) c WHERE c.value = @category COLLATE NOCASE))
                """);
            parameters.Add("category", category);
        }

        if (filter.Language is { } language)
        {
            conditions.Add("(a.language = @language COLLATE NOCASE OR a.language LIKE @languagePrefix ESCAPE '\\')");
            parameters.Add("language", language);
            parameters.Add("languagePrefix", language.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "-%");
        }

        if (filter.Text is { } text && MatchExpression(text) is { } match)
        {
            conditions.Add("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)");
            parameters.Add("match", match);
        }

        // The whole merged feed shows one entry per story (its earliest article), so its pages
        // count stories; a filtered view shows every article that matches.
        var stories = conditions.Count == 0;
        if (stories)
            conditions.Add(StoryPrimary);
        conditions.Add(Subscribed);

        var where = "WHERE " + string.Join(" AND ", conditions);
        return (where, stories ? StoryCount : $"SELECT count(*) {From} {where}", parameters);
    }

    /// <summary>
    /// Each word as an FTS5 string, so whatever a reader types is words, never query syntax
    /// (a stray quote or "NEAR(" would otherwise be an error). Null when there are no words.
    /// </summary>
    internal static string? MatchExpression(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var match = new StringBuilder();
        foreach (var word in words)
        {
            match.Append(match.Length == 0 ? "\"" : " \"").Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return match.ToString();
    }
}
