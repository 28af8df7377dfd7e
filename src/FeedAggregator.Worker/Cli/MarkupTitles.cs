using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// What <c>feedagg parse</c> reports as a title the feed declares HTML or XHTML: that markup,
/// sanitized, as feedparser reports it, so "Example &lt;b&gt;Atom&lt;/b&gt;" keeps its emphasis.
/// The store and the merged feed keep the title's text.
/// </summary>
internal sealed record MarkupTitles(string? Feed, IReadOnlyList<string?> Entries)
{
    public static MarkupTitles None { get; } = new(null, []);

    public static MarkupTitles Of(ParsedFeed feed, Uri? documentUrl, ContentSanitizer sanitizer)
    {
        var feedBase = feed.BaseUrl ?? documentUrl;
        return new MarkupTitles(
            sanitizer.SanitizeInline(feed.TitleHtml, feed.TitleBaseUrl ?? feedBase),
            [.. feed.Entries.Select(e => sanitizer.SanitizeInline(e.TitleHtml, e.TitleBaseUrl ?? e.BaseUrl ?? feedBase))]);
    }

    /// <summary>The markup title of entry <paramref name="index"/>, else null.</summary>
    public string? Entry(int index) => index < Entries.Count ? Entries[index] : null;
}
