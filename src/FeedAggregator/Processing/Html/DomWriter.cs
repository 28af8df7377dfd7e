using System.Text;
using AngleSharp.Dom;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// Writes a sanitized DOM as HtmlSanitizer's formatter does, in one iterative pass. AngleSharp's
/// own ToHtml walks each node's following siblings again, which is quadratic in the number of
/// siblings (a body of 40,000 paragraphs took seconds), and the slow path must stay linear.
/// </summary>
internal static class DomWriter
{
    // Elements whose text is written as is (the formatter's raw text set, scripting on).
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript",
    };

    /// <summary>The children of <paramref name="parent"/> as HTML.</summary>
    public static string WriteChildren(INode parent)
    {
        var output = new StringBuilder();
        var pending = new Stack<(INode Node, int Next)>();
        pending.Push((parent, 0));
        while (pending.TryPop(out var top))
        {
            var (node, next) = top;
            var children = node.ChildNodes;
            if (next >= children.Length)
            {
                if (node != parent && node is IElement done)
                    output.Append("</").Append(done.LocalName).Append('>');
                continue;
            }

            pending.Push((node, next + 1));
            switch (children[next])
            {
                case IElement element:
                    output.Append('<').Append(element.LocalName);
                    foreach (var attribute in element.Attributes)
                        MarkupEscaper.AppendAttribute(output, attribute.Name, attribute.Value);
                    output.Append('>');
                    if ((element.Flags & NodeFlags.SelfClosing) != 0)
                        break;
                    // The tree builder drops a line feed right after these tags; the formatter writes one back.
                    if (element.LocalName is "pre" or "textarea" && element.FirstChild is IText { Data: ['\n', ..] })
                        output.Append('\n');
                    pending.Push((element, 0));
                    break;
                case IText text:
                    if (node is IElement holder && RawText.Contains(holder.LocalName))
                        output.Append(text.Data);
                    else
                        MarkupEscaper.AppendText(output, text.Data);
                    break;
                case IComment comment:
                    output.Append("<!--").Append(comment.Data).Append("-->");
                    break;
            }
        }

        return output.ToString();
    }
}
