using System.Net;
using System.Text;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// The merged feed as a readable "river of news" page with feed autodiscovery links.
/// No JavaScript; article HTML is written as is because it was sanitized when stored.
/// </summary>
public sealed class HtmlPageWriter : IFeedWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public FeedDocument Document => FeedDocument.Html;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var html = new StringBuilder(4096 + (feed.Items.Count * 2048));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"").Append(Encode(GeneratorInfo.NameAndVersion)).Append("\">\n")
            .Append("<title>").Append(Encode(feed.Title)).Append("</title>\n");
        AppendAlternate(html, feed, FeedDocument.Atom, FeedLinks.Atom(feed), "Atom");
        AppendAlternate(html, feed, FeedDocument.Rss, FeedLinks.Rss(feed), "RSS");
        AppendAlternate(html, feed, FeedDocument.Json, FeedLinks.Json(feed), "JSON Feed");
        html.Append("<style>\n").Append(HtmlPageStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Encode(feed.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(feed.Description))
        {
            html.Append("<p>").Append(Encode(feed.Description)).Append("</p>\n");
        }

        html.Append("<p class=\"subscribe\">Subscribe: <a href=\"").Append(Encode(FeedLinks.Atom(feed)))
            .Append("\">Atom</a> · <a href=\"").Append(Encode(FeedLinks.Rss(feed)))
            .Append("\">RSS</a> · <a href=\"").Append(Encode(FeedLinks.Json(feed)))
            .Append("\">JSON Feed</a></p>\n</header>\n<main>\n");
        if (feed.Items.Count == 0)
        {
            html.Append("<p class=\"empty\">No articles yet.</p>\n");
        }

        foreach (var item in feed.Items)
        {
            AppendArticle(html, ItemView.From(item, feed));
        }

        html.Append("</main>\n<footer>\n<p>Updated ").Append(Time(feed.Updated))
            .Append(" by ").Append(Encode(GeneratorInfo.NameAndVersion)).Append(".</p>\n</footer>\n</body>\n</html>\n");
        return Utf8.GetBytes(html.ToString());
    }

    private static void AppendAlternate(StringBuilder html, MergedFeed feed, FeedDocument document, string href, string format) =>
        html.Append("<link rel=\"alternate\" type=\"").Append(FeedLinks.MediaType(document))
            .Append("\" title=\"").Append(Encode($"{feed.Title} ({format})"))
            .Append("\" href=\"").Append(Encode(href)).Append("\">\n");

    private static void AppendArticle(StringBuilder html, ItemView item)
    {
        html.Append("<article");
        if (item.Language is not null)
        {
            html.Append(" lang=\"").Append(Encode(item.Language)).Append('"');
        }

        if (item.IsRightToLeft)
        {
            html.Append(" dir=\"rtl\"");
        }

        html.Append(">\n<h2>");
        AppendLink(html, item.Url, item.Title);
        html.Append("</h2>\n<p class=\"meta\">");
        AppendLink(html, item.Source.SiteUrl, item.Source.Title);
        html.Append(" · ").Append(Time(item.Published, item.IsRightToLeft));
        if (item.Authors.Count > 0)
        {
            html.Append(" · ").Append(string.Join(", ", item.Authors.Select(Author)));
        }

        html.Append("</p>\n");
        if ((item.ContentHtml ?? item.SummaryHtml) is { } body)
        {
            html.Append("<div class=\"content\">\n").Append(body).Append("\n</div>\n");
        }

        html.Append("</article>\n");
    }

    // Only http(s) links become hrefs: a source's site URL is whatever its feed claimed.
    private static void AppendLink(StringBuilder html, string? url, string text)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            html.Append("<a href=\"").Append(Encode(url!)).Append("\">").Append(Encode(text)).Append("</a>");
        }
        else
        {
            html.Append(Encode(text));
        }
    }

    // In a right-to-left article the English date is isolated as left to right, or it reorders.
    private static string Time(DateTimeOffset value, bool isolate = false) =>
        $"<time datetime=\"{FeedDates.Rfc3339(value)}\"{(isolate ? " dir=\"ltr\"" : string.Empty)}>{Encode(FeedDates.Readable(value))}</time>";

    private static string Author(string name) => Encode(name);

    private static string Encode(string text) => WebUtility.HtmlEncode(CharacterFilter.Strip(text));
}
