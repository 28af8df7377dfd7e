using System.Xml.Linq;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>
/// Atom text constructs (title, summary, content): text, html or xhtml in Atom 1.0; a MIME type
/// plus mode="xml|escaped|base64" in Atom 0.3. Text stays text: turned into HTML it is escaped.
/// </summary>
internal static class AtomText
{
    private enum Kind { Text, Html, Markup, Unsupported }

    public static string? ToPlainText(XElement? element, bool atom03) => element is null
        ? null
        : KindOf(element, atom03) switch
        {
            Kind.Text => HtmlText.CollapseWhitespace(Value(element, atom03)),
            Kind.Html => HtmlText.ToPlainText(Value(element, atom03)),
            // Through the markup, so an inline script's code does not become title text.
            Kind.Markup => HtmlText.ToPlainText(XmlContent.InnerMarkup(XhtmlDiv(element) ?? element)),
            _ => null,
        };

    public static string? ToHtml(XElement? element, bool atom03)
    {
        // Out-of-line content (src="...") has nothing inline to show.
        if (element is null || element.Attribute("src") is not null)
            return null;

        var html = KindOf(element, atom03) switch
        {
            Kind.Text => Value(element, atom03) is { } text && !string.IsNullOrWhiteSpace(text) ? HtmlText.Escape(text.Trim()) : null,
            Kind.Html => Value(element, atom03),
            Kind.Markup => XmlContent.InnerMarkup(XhtmlDiv(element) ?? element),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(html) ? null : html.Trim();
    }

    // Atom 0.3 mode="base64" carries the text encoded; anything that does not decode is absent.
    private static string? Value(XElement element, bool atom03)
    {
        if (!atom03 || element.Attribute("mode")?.Value.Trim().Equals("base64", StringComparison.OrdinalIgnoreCase) != true)
            return element.Value;
        var bytes = new byte[element.Value.Length];
        return Convert.TryFromBase64String(element.Value.Trim(), bytes, out var written)
            ? System.Text.Encoding.UTF8.GetString(bytes, 0, written)
            : null;
    }

    private static Kind KindOf(XElement element, bool atom03)
    {
        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant();
        if (atom03)
        {
            var mode = element.Attribute("mode")?.Value.Trim().ToLowerInvariant();
            var html = type is not null && type.Contains("html", StringComparison.Ordinal);
            return mode switch
            {
                "escaped" => html ? Kind.Html : Kind.Text,
                "base64" => html ? Kind.Html : type is null || type.StartsWith("text/", StringComparison.Ordinal) ? Kind.Text : Kind.Unsupported,
                _ when element.HasElements => Kind.Markup,
                _ => html ? Kind.Html : Kind.Text,
            };
        }

        return type switch
        {
            null or "" or "text" or "text/plain" => Kind.Text,
            "html" or "text/html" => Kind.Html,
            "xhtml" => Kind.Markup,
            _ when type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) => Kind.Markup,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => Kind.Text,
            _ => Kind.Unsupported, // base64 media: nothing to show as HTML
        };
    }

    // xhtml content wraps its markup in one xhtml:div, which is not part of the content.
    private static XElement? XhtmlDiv(XElement element)
    {
        var children = element.Elements().Take(2).ToList();
        return children is [{ } div] && div.Name == XmlNamespaces.Xhtml + "div" ? div : null;
    }
}
