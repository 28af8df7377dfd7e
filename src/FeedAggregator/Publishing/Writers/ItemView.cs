using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FeedAggregator.Model;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// One merged item as every writer shows it: strings filtered, dates in UTC with their fallbacks,
/// the id, the language and its direction decided once, so the formats cannot disagree.
/// </summary>
internal sealed record ItemView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? SummaryHtml { get; init; }
    public string? ContentHtml { get; init; }
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the store first saw the article, if it has been stored.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Never absent: Atom requires it; see <see cref="UpdatedOf"/> for the fallbacks.</summary>
    public required DateTimeOffset Updated { get; init; }

    public string? Language { get; init; }
    public bool IsRightToLeft { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<EnclosureView> Enclosures { get; init; }
    public required ArticleSource Source { get; init; }

    public static ItemView From(MergedItem item, MergedFeed feed)
    {
        var article = item.Article;
        var language = LanguageTag.Normalize(article.Language);
        var title = CharacterFilter.Strip(article.Title).Trim();
        return new ItemView
        {
            Id = CharacterFilter.Strip(article.PublicId ?? FallbackId(article, feed)),
            Title = title.Length > 0 ? title : "Untitled",
            Url = NonBlank(article.Url),
            SummaryHtml = NonBlank(article.SummaryHtml)?.Trim(),
            ContentHtml = WithAlsoReported(NonBlank(article.ContentHtml ?? (item.AlsoReportedBy.Count > 0 ? article.SummaryHtml : null))?.Trim(), item),
            Published = article.Published?.ToUniversalTime(),
            FirstSeen = Known(article.FirstSeenAt)?.ToUniversalTime(),
            Updated = UpdatedOf(article, feed),
            Language = language,
            IsRightToLeft = TextDirection.IsRightToLeft(language),
            Authors = CleanList(article.Authors.Select(AuthorFormat.Display)),
            Categories = CleanList(article.Categories),
            Enclosures = [.. article.Enclosures.Select(EnclosureView.From).OfType<EnclosureView>()],
            Source = new ArticleSource(
                CharacterFilter.Strip(item.Source.Id),
                CharacterFilter.Strip(item.Source.FeedUrl),
                CharacterFilter.Strip(item.Source.Title),
                NonBlank(item.Source.SiteUrl)),
        };
    }

    /// <summary>
    /// HTML for the feed formats: right-to-left text is wrapped in a dir="rtl" block, because a
    /// feed reader shows it inside its own left-to-right page and has no other hint.
    /// </summary>
    public string? Directed(string? html) =>
        html is null || !IsRightToLeft ? html : $"<div dir=\"rtl\">{html}</div>";

    // Dedupe: the other sources of the story, as a paragraph of links after the content, which
    // every format and every reader shows.
    private static string? WithAlsoReported(string? html, MergedItem item)
    {
        if (item.AlsoReportedBy.Count == 0)
            return html;
        var links = item.AlsoReportedBy.Select(other =>
        {
            var name = WebUtility.HtmlEncode(CharacterFilter.Strip(other.Source.Title));
            var url = NonBlank(other.Url ?? other.Source.SiteUrl);
            return url is null ? name : $"<a href=\"{WebUtility.HtmlEncode(url)}\">{name}</a>";
        });
        return $"{html}<p class=\"also-reported-by\">Also reported by {string.Join(", ", links)}</p>";
    }

    // The source's update time, else when the store last changed the article; never before the
    // publication date (a reader would show an entry "updated" before it appeared).
    private static DateTimeOffset UpdatedOf(Article article, MergedFeed feed)
    {
        var updated = article.Updated ?? Known(article.LastChangedAt) ?? article.Published
            ?? Known(article.FirstSeenAt) ?? feed.Updated;
        return (article.Published > updated ? article.Published.Value : updated).ToUniversalTime();
    }

    private static DateTimeOffset? Known(DateTimeOffset value) => value == default ? null : value;

    private static string? NonBlank(string? text)
    {
        var clean = CharacterFilter.StripOrNull(text);
        return string.IsNullOrWhiteSpace(clean) ? null : clean;
    }

    private static string[] CleanList(IEnumerable<string> values) =>
        [.. values.Select(NonBlank).OfType<string>().Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];

    // The store always sets PublicId; an unstored article still needs a stable, unique id.
    private static string FallbackId(Article article, MergedFeed feed)
    {
        var local = article.Id > 0
            ? article.Id.ToString(CultureInfo.InvariantCulture)
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{article.FeedId}\n{article.Key}")))[..16];
        return feed.Id.StartsWith("tag:", StringComparison.Ordinal)
            ? $"{feed.Id}:article:{local}"
            : $"tag:{feed.BaseUrl.IdnHost},2024:article:{local}";
    }
}
