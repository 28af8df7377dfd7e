using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Stories;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Processing;

/// <summary>
/// Turns parsed entries into articles: absolute URLs, a title for every entry, a language, the
/// dedupe key and content hash, and, last of all, sanitized HTML (any earlier step could bring
/// markup back).
/// </summary>
public sealed class ArticleProcessor(ContentSanitizer sanitizer, IOptions<ProcessingOptions>? options = null, TimeProvider? time = null)
{
    private const int DerivedTitleLength = 100;

    private readonly ProcessingOptions _limits = options?.Value ?? new ProcessingOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IReadOnlyList<Article> Process(ParsedFeed feed, Uri? documentUrl, long feedId = 0) =>
        Process(feed, documentUrl, feedId, warnings: []);

    /// <param name="warnings">Receives what processing had to cut to stay within <see cref="ProcessingOptions"/>, for the feed's status.</param>
    /// <param name="forStore">
    /// False when the articles are only shown (<c>feedagg parse</c>): they get no fingerprint and
    /// no content hash, which only the store compares, and no <see cref="Article.Text"/> unless the
    /// title or the language was made from it.
    /// </param>
    public IReadOnlyList<Article> Process(ParsedFeed feed, Uri? documentUrl, long feedId, ICollection<string> warnings, bool forStore = true)
    {
        var process = ForDocument(feed, documentUrl, feedId, warnings, forStore);
        var articles = new List<Article>(feed.Entries.Count);
        foreach (var entry in feed.Entries)
            articles.Add(process(entry));
        return articles;
    }

    /// <summary>
    /// Processes the entries of <paramref name="feed"/> one at a time, as a <see cref="StreamedFeed"/>
    /// hands them on: the same articles as <see cref="Process(ParsedFeed, Uri?, long, ICollection{string}, bool)"/>.
    /// The ids the document's entries share are taken from <paramref name="feed"/>'s entries.
    /// </summary>
    public Func<ParsedEntry, Article> ForDocument(ParsedFeed feed, Uri? documentUrl, long feedId, ICollection<string> warnings, bool forStore = true)
    {
        var sharedIds = IncomingEntry.SharedIds(feed);
        return entry => Process(feed, entry, documentUrl, feedId, idIsUnique: entry.Id is null || !sharedIds.Contains(entry.Id.Trim()), warnings, forStore);
    }

    public Article Process(
        ParsedFeed feed, ParsedEntry entry, Uri? documentUrl, long feedId = 0, bool idIsUnique = true, ICollection<string>? warnings = null,
        bool forStore = true)
    {
        var baseUrl = entry.BaseUrl ?? feed.BaseUrl ?? documentUrl;
        var url = CanonicalUrl.Clean(UrlResolver.Resolve(entry.Link, baseUrl));
        // Every step below is linear in the HTML, which is capped; the budget turns what is left into text once time is up.
        using var budget = new EntryBudget(_limits, _time, Describe(entry, url), warnings ?? []);
        var summaryHtml = budget.Cap(entry.Summary, "summary");
        var contentHtml = budget.Cap(entry.Content, "content");
        var declaredLanguage = NormaliseLanguage(entry.Language ?? feed.Language);
        // The text is a scan of the whole HTML: made when the store indexes it, or when the title
        // or the language must come from it, not for an entry that is only shown (feedagg parse).
        var contentText = forStore || declaredLanguage is null || string.IsNullOrWhiteSpace(entry.Title)
            ? HtmlText.ToPlainText(contentHtml ?? summaryHtml)
            : null;
        var title = DeriveTitle(entry.Title, contentText ?? "", url);
        var language = declaredLanguage ?? LanguageDetector.Detect($"{title} {contentText}");

        var enclosures = entry.Enclosures
            .Select(e => UrlResolver.Resolve(e.Url, baseUrl) is { } absolute ? e with { Url = absolute } : null)
            .OfType<Enclosure>()
            .DistinctBy(e => e.Url)
            .ToList();

        // Sanitizing runs last: every value above is final before the HTML is cleaned.
        var summary = budget.Sanitize(sanitizer, summaryHtml, entry.SummaryBaseUrl ?? baseUrl);
        var content = budget.Sanitize(sanitizer, contentHtml, entry.ContentBaseUrl ?? baseUrl);

        var article = new Article
        {
            FeedId = feedId,
            Key = ArticleKey.For(entry.Id, url, title, entry.Published, entry.Content ?? entry.Summary, idIsUnique),
            SourceId = string.IsNullOrWhiteSpace(entry.Id) ? null : entry.Id.Trim(),
            Url = url,
            Title = title,
            SummaryHtml = summary,
            ContentHtml = content,
            Authors = CleanAuthors(entry.Authors),
            Categories = Clean(entry.Categories),
            Enclosures = enclosures,
            Published = entry.Published?.ToUniversalTime(),
            Updated = entry.Updated?.ToUniversalTime(),
            Language = language,
            ContentHash = "",
            Text = contentText,
            Fingerprint = forStore ? TextFingerprint.Of($"{title}\n{contentText}") : null,
        };
        return forStore ? article with { ContentHash = ContentHash.Of(article) } : article;
    }

    /// <summary>How a warning names the entry: its id, else its link, else its title, shortened.</summary>
    private static string Describe(ParsedEntry entry, string? url)
    {
        var name = (entry.Id ?? url ?? entry.Title ?? "(untitled)").Trim();
        return $"'{(name.Length <= 80 ? name : string.Concat(name.AsSpan(0, 79), "…"))}'";
    }

    internal static string DeriveTitle(string? title, string contentText, string? url)
    {
        // The parser already decoded the title to text: "<blink>" in a plain-text title is words, not a tag.
        var text = title?.Trim() ?? "";
        if (text.Length > 0)
            return text;
        if (contentText.Length > 0)
            return HtmlText.FirstWords(contentText, DerivedTitleLength);
        return url ?? "Untitled";
    }

    private static string? NormaliseLanguage(string? language)
    {
        // "en_US", " EN-us " -> "en-US"; the primary subtag is what readers need for direction.
        if (string.IsNullOrWhiteSpace(language))
            return null;
        var parts = language.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter))
            return null;
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i];
        return string.Join('-', parts);
    }

    private static List<string> Clean(IReadOnlyList<string> values) =>
        values.Select(v => HtmlText.ToPlainText(v)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static List<Author> CleanAuthors(IReadOnlyList<Author> authors) =>
        authors.Select(a => (Name: HtmlText.ToPlainText(a.Name), Email: HtmlText.ToPlainText(a.Email)))
            .Where(a => a.Name.Length > 0 || a.Email.Length > 0)
            .Select(a => new Author(a.Name.Length > 0 ? a.Name : null, a.Email.Length > 0 ? a.Email : null))
            .Distinct()
            .ToList();
}
