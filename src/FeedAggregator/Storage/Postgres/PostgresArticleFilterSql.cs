using Dapper;

namespace FeedAggregator.Storage.Postgres;

/// <summary>An <see cref="ArticleFilter"/> as a parameterised WHERE clause over articles a JOIN feeds f, in PostgreSQL's terms.</summary>
internal static class PostgresArticleFilterSql
{
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

    public static (string Where, DynamicParameters Parameters) Build(ArticleFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.Source is { } source)
        {
            conditions.Add("(f.url = @source OR lower(f.title) = lower(@source))");
            parameters.Add("source", source);
        }

        if (filter.Category is { } category)
        {
            conditions.Add("""
                (lower(f.category) = lower(@category)
                 OR EXISTS (SELECT 1 FROM json_array_elements_text(a.categories::json) c WHERE lower(c) = lower(@category)))
                """);
            parameters.Add("category", category);
        }

        if (filter.Language is { } language)
        {
            conditions.Add("(lower(a.language) = lower(@language) OR a.language ILIKE @languagePrefix ESCAPE '\\')");
            parameters.Add("language", language);
            parameters.Add("languagePrefix", language.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "-%");
        }

        // plainto_tsquery reads words and ANDs them: whatever a reader types is words, never query syntax.
        if (filter.Text is { } text && !string.IsNullOrWhiteSpace(text))
        {
            conditions.Add("a.search @@ plainto_tsquery('simple', @match)");
            parameters.Add("match", PostgresSearch.Fold(text));
        }

        // The whole merged feed shows one entry per story (its earliest article), so its pages
        // count stories; a filtered view shows every article that matches.
        if (conditions.Count == 0)
            conditions.Add(StoryPrimary);
        conditions.Add(Subscribed);

        return ("WHERE " + string.Join(" AND ", conditions), parameters);
    }
}
