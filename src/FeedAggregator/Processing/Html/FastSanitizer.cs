using System.Buffers;
using System.Text;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// The fast path of <see cref="ContentSanitizer"/>: one pass that tokenizes the common case (text,
/// and markup made only of allowed, well-formed tags) and copies it out with the same rules the
/// allow-list applies to a DOM. It is not an HTML parser: it recognises only what it can prove
/// the HTML tree builder would nest exactly as written, and gives up (returns false) on anything
/// else (an unknown tag, an implied or misnested end tag, a table part out of place, a character
/// reference read in a special way), which then goes through AngleSharp and HtmlSanitizer. A
/// differential test holds its output to the slow path's.
/// </summary>
internal sealed partial class FastSanitizer(UrlRule urls)
{
    // Text stops here: markup, references, characters the output escapes, and those the
    // tokenizer treats specially (CR is normalised, NUL and other controls are left to the parser).
    private static readonly SearchValues<char> TextStops = SearchValues.Create(
        "<&>\r\u00A0\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly SearchValues<char> HtmlWhitespace = SearchValues.Create(" \t\n\r\f");

    [ThreadStatic] private static Scanner? t_scanner;

    /// <summary>Sanitized HTML for <paramref name="html"/> (untrimmed), or false when the slow path must decide.</summary>
    /// <param name="inline">
    /// Written in XHTML style; only elements without attributes (a title's emphasis and line
    /// breaks), never empty, are kept here: anything else gives up.
    /// </param>
    public bool TrySanitize(string html, Uri? baseUrl, bool inline, out string output)
    {
        var scanner = t_scanner ??= new Scanner();
        var done = scanner.Run(html, baseUrl, inline, urls);
        output = done ? scanner.Output.ToString() : "";
        scanner.Reset();
        return done;
    }

    // Text, references and comments here; tags and their attributes in FastSanitizer.Tags.cs.
    private sealed partial class Scanner
    {
        private const int RetainedCapacity = 64 * 1024;

        private readonly List<TagRule> _open = [];

        // Where the output stood after each open element's start tag: an element still empty at
        // its end is written self-closed in XHTML style, which is left to the full formatter.
        private readonly List<int> _openedAt = [];
        private readonly List<KeyValuePair<string, string>> _attributes = [];
        private string _html = "";
        private Uri? _baseUrl;
        private UrlRule _urls = null!;
        private bool _inline;
        private int _pos;

        public StringBuilder Output { get; } = new();

        public void Reset()
        {
            _open.Clear();
            _openedAt.Clear();
            _attributes.Clear();
            _html = "";
            _baseUrl = null;
            Output.Clear();
            if (Output.Capacity > RetainedCapacity)
                Output.Capacity = RetainedCapacity; // one huge entry must not pin its buffer in the thread
        }

        public bool Run(string html, Uri? baseUrl, bool inline, UrlRule urls)
        {
            (_html, _baseUrl, _inline, _urls, _pos) = (html, baseUrl, inline, urls, 0);
            Output.EnsureCapacity(Math.Min(html.Length + 64, RetainedCapacity * 4));
            while (_pos < _html.Length)
            {
                if (!Text() || (_pos < _html.Length && !Special()))
                    return false;
            }

            // Elements still open at the end are closed there, as the tree builder does at end of file.
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_inline && Output.Length == _openedAt[i])
                    return false;
                Output.Append("</").Append(_open[i].Name).Append('>');
            }
            return true;
        }

        private TagRule? Current => _open.Count > 0 ? _open[^1] : null;

        private bool InTableParts => Current is { HoldsTableParts: true };

        /// <summary>Copies plain text up to the next character that needs a decision.</summary>
        private bool Text()
        {
            var rest = _html.AsSpan(_pos);
            var stop = rest.IndexOfAny(TextStops);
            var run = stop < 0 ? rest : rest[..stop];
            // In a table, between rows and cells, only whitespace stays where it is; other text is moved out.
            if (InTableParts && run.IndexOfAnyExcept(HtmlWhitespace) >= 0)
                return false;
            Output.Append(run);
            _pos += run.Length;
            return true;
        }

        private bool Special()
        {
            var c = _html[_pos];
            switch (c)
            {
                case '<':
                    return Markup();
                case '&':
                    if (InTableParts)
                        return false;
                    return Reference();
                case '\r':
                    // CR LF and a lone CR are one line feed, as the input stream reads them.
                    Output.Append('\n');
                    _pos += _pos + 1 < _html.Length && _html[_pos + 1] == '\n' ? 2 : 1;
                    return true;
                case '>' or '\u00A0':
                    if (InTableParts)
                        return false;
                    MarkupEscaper.AppendChar(Output, c, _inline);
                    _pos++;
                    return true;
                default:
                    return false; // NUL and controls: the parser's business
            }
        }

        private bool Reference()
        {
            switch (CharacterReference.Read(_html.AsSpan(_pos), inAttribute: false, out var value, out var length))
            {
                case CharacterReference.Outcome.Decoded:
                    foreach (var ch in value)
                        MarkupEscaper.AppendChar(Output, ch, _inline);
                    _pos += length;
                    return true;
                case CharacterReference.Outcome.Literal:
                    MarkupEscaper.AppendChar(Output, '&', _inline);
                    _pos++;
                    return true;
                default:
                    return false;
            }
        }

        private bool Markup()
        {
            var next = _pos + 1 < _html.Length ? _html[_pos + 1] : '\0';
            if (char.IsAsciiLetter(next))
                return StartTag();
            if (next == '/')
                return EndTag();
            if (next is '!' or '?')
                return Comment();
            // "<" before anything else is text ("3 < 4"), and at the very end too.
            if (InTableParts)
                return false;
            Output.Append("&lt;");
            _pos++;
            return true;
        }

        /// <summary>Skips a comment (the sanitizer removes them all): <c>&lt;!-- --&gt;</c>, or a bogus one up to "&gt;".</summary>
        private bool Comment()
        {
            var rest = _html.AsSpan(_pos);
            int end;
            if (rest.StartsWith("<!--"))
            {
                var body = rest[4..];
                if (body.StartsWith(">") || body.StartsWith("->"))
                    end = 4 + body.IndexOf('>') + 1; // "<!-->" and "<!--->" end at once
                else
                {
                    var dashes = body.IndexOf("-->");
                    var bang = body.IndexOf("--!>");
                    if (dashes < 0 && bang < 0)
                        return false; // runs to the end of the document
                    end = bang >= 0 && (dashes < 0 || bang < dashes) ? 4 + bang + 4 : 4 + dashes + 3;
                }
            }
            else
            {
                // "<!DOCTYPE" is not a comment; "<![CDATA[" and "<?" are, up to the first ">".
                if (rest.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
                    return false;
                var close = rest.IndexOf('>');
                if (close < 0)
                    return false;
                end = close + 1;
            }

            _pos += end;
            return true;
        }
    }
}
