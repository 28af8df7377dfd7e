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
    private enum Kind { Text, Html, Markup, Base64, Unsupported }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ToPlainText(XmlField? field, bool atom03) => field is null
        ? null
        : KindOf(field, atom03) switch
        {
            Kind.Text => HtmlText.CollapseWhitespace(Value(field, atom03)),
            Kind.Html => HtmlText.ToPlainText(Value(field, atom03)),
            // Through the markup, so an inline script's code does not become title text.
            Kind.Markup => HtmlText.ToPlainText(Markup(field, atom03)),
            Kind.Base64 => HtmlText.ToPlainText(DecodedText(field)),
            _ => null,
        };

    /// <summary>
    /// The construct as HTML when the feed declares it markup (html, xhtml, an HTML mode or
    /// MIME type); null when it is plain text or absent. Raw: the caller sanitizes it.
    /// </summary>
    public static string? DeclaredHtml(XmlField? field, bool atom03) =>
        field is null ? null : KindOf(field, atom03) switch
        {
            Kind.Html or Kind.Markup or Kind.Base64 => ToHtml(field, atom03),
            _ => null,
        };

    public static string? ToHtml(XmlField? field, bool atom03)
    {
        // Out-of-line content (src="...") has nothing inline to show.
        if (field is null || field.Attribute("src") is not null)
            return null;

        var html = KindOf(field, atom03) switch
        {
            Kind.Text => Value(field, atom03) is { } text && !string.IsNullOrWhiteSpace(text) ? HtmlText.Escape(text.Trim()) : null,
            Kind.Html => Value(field, atom03),
            Kind.Markup => Markup(field, atom03),
            Kind.Base64 => DecodedText(field),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(html) ? null : html.Trim();
    }

    // Inline markup; Atom 1.0 wraps it in one xhtml:div that is not part of it (0.3 has no such rule).
    // A "markup" element that holds only text is that text, escaped.
    private static string Markup(XmlField field, bool atom03) => field.Tree switch
    {
        { } tree when !atom03 => XmlContent.InnerMarkup(XhtmlDiv(tree) ?? tree),
        { } tree => XmlContent.InnerMarkup(tree),
        null => HtmlText.Escape(field.Text),
    };

    // Atom 1.0 content of another MIME type is base64 (RFC 4287 4.1.3.3); it is kept only when it is
    // text (UTF-8 without control characters), read as HTML as feedparser does. An image is not.
    private static string? DecodedText(XmlField field)
    {
        if (Base64(field) is not { } bytes)
            return null;
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? null : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[]? Base64(XmlField field)
    {
        var bytes = new byte[field.Text.Length];
        return Convert.TryFromBase64String(field.Text.Trim(), bytes, out var written) ? bytes[..written] : null;
    }

    // Atom 0.3 mode="base64" carries the text encoded; anything that does not decode is absent.
    private static string? Value(XmlField field, bool atom03)
    {
        if (!atom03 || field.Attribute("mode")?.Equals("base64", StringComparison.OrdinalIgnoreCase) != true)
            return field.Text;
        return Base64(field) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
    }

    private static Kind KindOf(XmlField field, bool atom03)
    {
        var type = field.Attribute("type")?.ToLowerInvariant();
        if (atom03)
        {
            var mode = field.Attribute("mode")?.ToLowerInvariant();
            var html = type is not null && type.Contains("html", StringComparison.Ordinal);
            return mode switch
            {
                "escaped" => html ? Kind.Html : Kind.Text,
                "base64" => html ? Kind.Html : type is null || type.StartsWith("text/", StringComparison.Ordinal) ? Kind.Text : Kind.Unsupported,
                _ when field.Tree is not null => Kind.Markup,
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
            _ => OtherType(field),
        };
    }

    // Content of any other type is base64 (RFC 4287 4.1.3.3): binary (an image) is absent, but a
    // value that is not base64 at all is text under a wrong type. A title, summary or subtitle may
    // only be text, html or xhtml: another type there is text, or base64 text (as feedparser reads
    // type="application/octet-stream"), never nothing: "application/x-custom" keeps its words.
    private static Kind OtherType(XmlField field) => field.LocalName == "content"
        ? Base64(field) is null ? Kind.Text : Kind.Base64
        : DecodedText(field) is null ? Kind.Text : Kind.Base64;

    // xhtml content wraps its markup in one xhtml:div, which is not part of the content.
    private static XElement? XhtmlDiv(XElement element)
    {
        var children = element.Elements().Take(2).ToList();
        return children is [{ } div] && div.Name == XmlNamespaces.Xhtml + "div" ? div : null;
    }
}
