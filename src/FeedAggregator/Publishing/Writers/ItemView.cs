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

    /// <summary>
    /// Never absent, so no reader falls back to its own, later, fetch time: the source's
    /// publication date, else when the store first saw the article (which nothing else mentions).
    /// </summary>
    public required DateTimeOffset Published { get; init; }

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
        var title = Text(article.Title).Trim();
        var source = new ArticleSource(
            CharacterFilter.Strip(item.Source.Id),
            CharacterFilter.Strip(item.Source.FeedUrl),
            Text(item.Source.Title),
            WebUrl(item.Source.SiteUrl));
        var url = NonBlank(article.Url);

        // Relative URLs in the content resolve against the article's page, as a browser would.
        var baseUrl = WebUrl(url) ?? source.SiteUrl ?? source.FeedUrl;
        var published = (article.Published ?? Known(article.FirstSeenAt))?.ToUniversalTime();
        var updated = UpdatedOf(article, feed);
        return new ItemView
        {
            Id = CharacterFilter.Strip(article.PublicId ?? FallbackId(article, feed)),
            Title = title.Length > 0 ? title : "Untitled",
            Url = url,
            SummaryHtml = ContentUrls.Absolute(NonBlank(article.SummaryHtml)?.Trim(), baseUrl),
            ContentHtml = WithAlsoReported(ContentUrls.Absolute(NonBlank(article.ContentHtml ?? (item.AlsoReportedBy.Count > 0 ? article.SummaryHtml : null))?.Trim(), baseUrl), item),
            Published = published ?? updated,
            Updated = published > updated ? published.Value : updated,
            Language = language,
            IsRightToLeft = TextDirection.IsRightToLeft(language),
            Authors = CleanList(article.Authors.Select(AuthorFormat.Display)),
            Categories = CleanList(article.Categories),
            Enclosures = [.. article.Enclosures.Select(EnclosureView.From).OfType<EnclosureView>()],
            Source = source,
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
            var name = WebUtility.HtmlEncode(Text(other.Source.Title));
            var url = WebUrl(other.Url) ?? WebUrl(other.Source.SiteUrl);
            return url is null ? name : $"<a href=\"{WebUtility.HtmlEncode(url)}\">{name}</a>";
        });
        return $"{html}<p class=\"also-reported-by\">Also reported by {string.Join(", ", links)}</p>";
    }

    // The source's update time, else when the store last changed the article. The caller keeps it
    // from falling before the publication date: a reader would show an entry "updated" before it appeared.
    private static DateTimeOffset UpdatedOf(Article article, MergedFeed feed) =>
        (article.Updated ?? Known(article.LastChangedAt) ?? article.Published ?? Known(article.FirstSeenAt) ?? feed.Updated)
        .ToUniversalTime();

    /// <summary>
    /// Titles are text. A source that escaped a title twice (JSON Feed's "Don&amp;#8217;t") left
    /// entities in the stored text: decoded once here, no format shows them or escapes them again.
    /// </summary>
    private static string Text(string title)
    {
        var text = CharacterFilter.Strip(title);
        return text.Contains('&', StringComparison.Ordinal) ? CharacterFilter.Strip(WebUtility.HtmlDecode(text)) : text;
    }

    // An absolute http(s) URL, else null: a link readers can follow from anywhere.
    private static string? WebUrl(string? url) =>
        NonBlank(url)?.Trim() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? text : null;

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
