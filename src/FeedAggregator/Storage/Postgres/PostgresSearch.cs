using FeedAggregator.Model;
using FeedAggregator.Processing;
using FeedAggregator.Stories;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// What ?q= searches on PostgreSQL: an article's title and its plain text in the tsvector column
/// articles.search, with the 'simple' configuration (no stemming, no stop words, so Arabic and
/// every other script are words as they are written). Text and query are folded alike first (case,
/// accents, Arabic diacritics), as SQLite's FTS5 folds case and accents. The text is not stored.
/// </summary>
internal static class PostgresSearch
{
    /// <summary>The SQL expression that indexes <c>@search</c> (the value of <see cref="TextOf"/>).</summary>
    public const string Vector = "to_tsvector('simple', @search)";

    public static string TextOf(Article article) => Fold(article.Title + " " + SearchText.Of(article));

    public static string TextOf(string title, string? html) => Fold(title + " " + HtmlText.ToPlainText(html));

    public static string Fold(string text) => TextFolding.Fold(text);
}
