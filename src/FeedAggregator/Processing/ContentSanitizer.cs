using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Xhtml;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Processing;

/// <summary>
/// The last step of processing: HTML from a feed reduced to what a reader needs. Anything else
/// (script, style, event handlers, forms, objects, comments, javascript: and data: URLs, tracking
/// pixels, iframes other than the players of <see cref="EmbedAllowList"/>) is removed. Relative
/// URLs are made absolute against the entry's base. Thread-safe once built.
/// </summary>
/// <remarks>
/// Text and well-formed markup of allowed tags (most feed content) take a fast path that
/// tokenizes and copies (<see cref="FastSanitizer"/>); everything else is parsed by AngleSharp and
/// cleaned by HtmlSanitizer, whose parser and configuration are built once, here, on first use.
/// </remarks>
public sealed class ContentSanitizer
{
    /// <summary>The rel every kept link gets: links leave the reader, so no window.opener and no referrer leak.</summary>
    internal const string LinkRel = "noopener noreferrer";

    // Irregular HTML up to this size is sanitized whole (exactly as HtmlSanitizer would); larger
    // documents in pieces of about ChunkChars, each at most a fraction of a second of the slow path.
    private const int WholeDocumentChars = 64 * 1024;
    private const int ChunkChars = 32 * 1024;

    private readonly FastSanitizer _fast = new(new UrlRule(SanitizerPolicy.Schemes));

    // Built on first use: a process whose documents all take the fast path (a short `feedagg parse`)
    // never pays for the library's parser and style configuration.
    private readonly Lazy<FeedHtmlSanitizer> _sanitizer = new(() => new FeedHtmlSanitizer());

    /// <summary>Sanitized HTML for an article's body, or null when nothing readable is left.</summary>
    public string? Sanitize(string? html, Uri? baseUrl) => Run(html, baseUrl, inline: false, fastPath: true, CancellationToken.None);

    /// <summary>As <see cref="Sanitize(string?, Uri?)"/>; the full parse stops when <paramref name="budget"/> fires.</summary>
    /// <exception cref="OperationCanceledException">The budget ran out while parsing.</exception>
    public string? Sanitize(string? html, Uri? baseUrl, CancellationToken budget) => Run(html, baseUrl, inline: false, fastPath: true, budget);

    /// <summary>
    /// The same rules for a short inline value (a title the feed declares as HTML), written in
    /// XHTML style (<c>&lt;img src="..." /&gt;</c>) and with links left as the feed gave them.
    /// </summary>
    public string? SanitizeInline(string? html, Uri? baseUrl) => Run(html, baseUrl, inline: true, fastPath: true, CancellationToken.None);

    /// <summary>The slow path alone, on the whole document (AngleSharp and HtmlSanitizer): the reference the fast path is held to.</summary>
    internal string? SanitizeWithoutFastPath(string? html, Uri? baseUrl, bool inline = false)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        var clean = SlowPart(html, baseUrl?.AbsoluteUri ?? "", inline, CancellationToken.None).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>The fast path alone: false when it gives the input to the slow path, else its result (as Sanitize returns it).</summary>
    internal bool TryFastPath(string? html, Uri? baseUrl, out string? clean, bool inline = false)
    {
        clean = null;
        if (string.IsNullOrWhiteSpace(html))
            return true;
        if (!_fast.TrySanitize(html, baseUrl, inline, out var output))
            return false;
        clean = output.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        return true;
    }

    private string? Run(string? html, Uri? baseUrl, bool inline, bool fastPath, CancellationToken budget)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        var clean = fastPath && _fast.TrySanitize(html, baseUrl, inline, out var fast)
            ? fast.Trim()
            : Slow(html, baseUrl?.AbsoluteUri ?? "", inline, budget).Trim();
        return clean.Length == 0 ? null : clean;
    }

    private string Slow(string html, string baseUrl, bool inline, CancellationToken budget)
    {
        if (html.Length <= WholeDocumentChars)
            return SlowPart(html, baseUrl, inline, budget);
        // HtmlSanitizer's removals cost time in the number of siblings (each one searches and shifts
        // its parent's child list), so a large irregular document is sanitized a piece at a time: the
        // cost stays linear, and each piece, sanitized on its own, is safe next to the others.
        var output = new StringBuilder(html.Length);
        foreach (var (start, length) in MarkupChunks.Split(html, ChunkChars))
        {
            budget.ThrowIfCancellationRequested();
            output.Append(SlowPart(html.Substring(start, length), baseUrl, inline, budget));
        }

        return output.ToString();
    }

    private string SlowPart(string html, string baseUrl, bool inline, CancellationToken budget)
    {
        // Parsed here, as HtmlSanitizer.Sanitize would, so the feed's own markup can be read before the allow-list strips it.
        var sanitizer = _sanitizer.Value;
        using var document = sanitizer.HtmlParserFactory().ParseDocumentAsync("<!doctype html><html><body>" + html, budget).GetAwaiter().GetResult();
        if (document.Body is not { } body)
            return "";
        BeforeAllowList(body);
        sanitizer.SanitizeDom(document, body, baseUrl);
        AfterAllowList(body, markLinks: !inline);
        return inline ? body.ChildNodes.ToHtml(XhtmlMarkupFormatter.Instance) : DomWriter.WriteChildren(body);
    }

    /// <summary>Decisions that need attributes the allow-list is about to remove or rewrite.</summary>
    private static void BeforeAllowList(IElement body)
    {
        foreach (var image in body.QuerySelectorAll("img").Where(TrackingPixel.Is).ToList())
            image.Remove();
        foreach (var element in body.QuerySelectorAll("[srcset]").ToList())
        {
            if (!Srcset.HasOnlyWebUrls(element.GetAttribute("srcset")!))
                element.RemoveAttribute("srcset");
        }
        foreach (var iframe in body.QuerySelectorAll("iframe[src]").ToList())
        {
            // A protocol-relative embed is fetched over https, whatever the feed's own scheme.
            if (iframe.GetAttribute("src")!.Trim() is var src && src.StartsWith("//", StringComparison.Ordinal))
                iframe.SetAttribute("src", "https:" + src);
        }
    }

    private static void AfterAllowList(IElement body, bool markLinks)
    {
        foreach (var element in body.QuerySelectorAll("a, iframe").ToList())
        {
            if (element.LocalName == "iframe")
                EmbedFrame.Shape(element);
            else if (markLinks)
                element.SetAttribute("rel", LinkRel);
        }
    }
}
