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
internal sealed class FastSanitizer(UrlRule urls)
{
    // Text stops here: markup, references, characters the output escapes, and those the
    // tokenizer treats specially (CR is normalised, NUL and other controls are left to the parser).
    private static readonly SearchValues<char> TextStops = SearchValues.Create(
        "<&>\r\u00A0\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly SearchValues<char> HtmlWhitespace = SearchValues.Create(" \t\n\r\f");

    [ThreadStatic] private static Scanner? t_scanner;

    /// <summary>Sanitized HTML for <paramref name="html"/> (untrimmed), or false when the slow path must decide.</summary>
    /// <param name="inline">Text only, written in XHTML style: any markup gives up.</param>
    public bool TrySanitize(string html, Uri? baseUrl, bool inline, out string output)
    {
        var scanner = t_scanner ??= new Scanner();
        var done = scanner.Run(html, baseUrl, inline, urls);
        output = done ? scanner.Output.ToString() : "";
        scanner.Reset();
        return done;
    }

    private sealed class Scanner
    {
        private const int RetainedCapacity = 64 * 1024;

        private readonly List<TagRule> _open = [];
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
                Output.Append("</").Append(_open[i].Name).Append('>');
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
            if (_inline && next is not ('\0' or ' ' or '\t' or '\n'))
                return false; // an inline value with markup is left to the full formatter
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

        private bool EndTag()
        {
            var start = _pos + 2;
            var i = start;
            while (i < _html.Length && char.IsAsciiLetterOrDigit(_html[i]))
                i++;
            if (i == start || Current is not { } current || !_html.AsSpan(start, i - start).Equals(current.Name, StringComparison.OrdinalIgnoreCase))
                return false; // "</>", a stray or misnested end tag: the tree builder decides
            while (i < _html.Length && HtmlWhitespace.Contains(_html[i]))
                i++;
            if (i >= _html.Length || _html[i] != '>')
                return false;
            Output.Append("</").Append(current.Name).Append('>');
            _open.RemoveAt(_open.Count - 1);
            _pos = i + 1;
            return true;
        }

        private bool StartTag()
        {
            var start = _pos + 1;
            var i = start;
            while (i < _html.Length && char.IsAsciiLetterOrDigit(_html[i]))
                i++;
            if (i >= _html.Length || SanitizerPolicy.Rule(_html.AsSpan(start, i - start)) is not { } tag || !CanOpen(tag))
                return false;

            _attributes.Clear();
            string? style = null;
            var selfClosing = false;
            while (true)
            {
                var spaced = i;
                while (i < _html.Length && HtmlWhitespace.Contains(_html[i]))
                    i++;
                if (i >= _html.Length)
                    return false;
                if (_html[i] == '>')
                {
                    i++;
                    break;
                }

                if (_html[i] == '/')
                {
                    if (i + 1 >= _html.Length || _html[i + 1] != '>')
                        return false;
                    selfClosing = true;
                    i += 2;
                    break;
                }

                if (i == spaced)
                    return false; // no space before an attribute, or a tag name with odd characters
                if (!Attribute(ref i, tag, ref style))
                    return false;
            }

            if (selfClosing && !tag.IsVoid)
                return false; // "<p/>" opens a p: the slash is ignored, leave that to the parser
            _pos = i;
            return tag.Name == "iframe" ? Embed() : Element(tag, style);
        }

        /// <summary>Reads one attribute; keeps it when the allow-list might (or, for img, when it is the style that sizes it).</summary>
        private bool Attribute(ref int i, TagRule tag, ref string? style)
        {
            var nameStart = i;
            while (i < _html.Length && (char.IsAsciiLetterOrDigit(_html[i]) || _html[i] is '-' or '_' or ':' or '.'))
                i++;
            if (i == nameStart || i >= _html.Length || !(HtmlWhitespace.Contains(_html[i]) || _html[i] is '=' or '>' or '/'))
                return false;
            var name = _html.AsSpan(nameStart, i - nameStart);

            var j = i;
            while (j < _html.Length && HtmlWhitespace.Contains(_html[j]))
                j++;
            ReadOnlySpan<char> raw = "";
            if (j < _html.Length && _html[j] == '=')
            {
                j++;
                while (j < _html.Length && HtmlWhitespace.Contains(_html[j]))
                    j++;
                if (j >= _html.Length)
                    return false;
                var quote = _html[j];
                if (quote is '"' or '\'')
                {
                    var close = _html.IndexOf(quote, j + 1);
                    if (close < 0)
                        return false;
                    raw = _html.AsSpan(j + 1, close - j - 1);
                    j = close + 1;
                    // A value must be followed by a space or the end of the tag.
                    if (j >= _html.Length || !(HtmlWhitespace.Contains(_html[j]) || _html[j] is '>' or '/'))
                        return false;
                }
                else
                {
                    var valueStart = j;
                    while (j < _html.Length && !HtmlWhitespace.Contains(_html[j]) && _html[j] != '>')
                    {
                        if (_html[j] is '"' or '\'' or '<' or '=' or '`')
                            return false;
                        j++;
                    }

                    if (j == valueStart)
                        return false; // "a=>": a missing value
                    raw = _html.AsSpan(valueStart, j - valueStart);
                }

                i = j;
            }

            if (SanitizerPolicy.AllowedAttribute(name) is { } allowed)
            {
                if (_attributes.Exists(a => a.Key == allowed))
                    return true; // the first of two same-named attributes is the one the tokenizer keeps
                if (Decode(raw) is not { } value)
                    return false;
                _attributes.Add(new(allowed, value));
            }
            else if (tag.Name == "img" && style is null && name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                style = Decode(raw);
                if (style is null)
                    return false;
            }

            return true;
        }

        /// <summary>An attribute value with its references decoded and its line ends normalised, or null when unsure.</summary>
        private static string? Decode(ReadOnlySpan<char> raw)
        {
            if (raw.IndexOfAny('&', '\r', '\0') < 0)
                return raw.ToString();
            var value = new StringBuilder(raw.Length);
            for (var k = 0; k < raw.Length; k++)
            {
                var c = raw[k];
                if (c == '\0')
                    return null;
                if (c == '\r')
                {
                    value.Append('\n');
                    if (k + 1 < raw.Length && raw[k + 1] == '\n')
                        k++;
                    continue;
                }

                if (c != '&')
                {
                    value.Append(c);
                    continue;
                }

                switch (CharacterReference.Read(raw[k..], inAttribute: true, out var decoded, out var length))
                {
                    case CharacterReference.Outcome.Decoded:
                        value.Append(decoded);
                        k += length - 1;
                        break;
                    case CharacterReference.Outcome.Literal:
                        value.Append('&');
                        break;
                    default:
                        return null;
                }
            }

            return value.ToString();
        }

        /// <summary>Would the tree builder put this start tag's element in the current one, and close nothing?</summary>
        private bool CanOpen(TagRule tag)
        {
            var current = Current;
            if (current is { HoldsTableParts: true })
                return tag.Parents is { } parents && parents.Contains(current.Name);
            if (tag.Parents is { } required)
                return current is not null && required.Contains(current.Name);
            if (tag.IsHeading && current is { IsHeading: true })
                return false;
            if (tag.Name == "a" && _open.Exists(t => t.Name == "a"))
                return false; // a link inside a link is closed by the adoption agency
            if (tag.ClosesParagraph)
            {
                for (var k = _open.Count - 1; k >= 0 && !_open[k].BoundsScope; k--)
                {
                    if (_open[k].Name == "p")
                        return false;
                }
            }

            return true;
        }

        private bool Element(TagRule tag, string? style)
        {
            if (tag.Name == "img" && TrackingPixel.Is(Value("width"), Value("height"), style))
                return true; // a read receipt, not a picture: dropped
            CleanAttributes();
            Output.Append('<').Append(tag.Name);
            foreach (var (name, value) in _attributes)
                MarkupEscaper.AppendAttribute(Output, name, value);
            if (tag.Name == "a")
                MarkupEscaper.AppendAttribute(Output, "rel", ContentSanitizer.LinkRel);
            Output.Append('>');
            if (tag.IsVoid)
                return true;
            _open.Add(tag);
            // The tree builder drops a line feed right after <pre>, and the writer puts one back: not ours to mimic.
            return tag.Name != "pre" || _pos >= _html.Length || _html[_pos] is not ('\n' or '\r' or '&');
        }

        /// <summary>An iframe's content is raw text up to its end tag, and never kept: the embed is the element alone.</summary>
        private bool Embed()
        {
            var rest = _html.AsSpan(_pos);
            var offset = 0;
            while (true)
            {
                var end = rest[offset..].IndexOf("</iframe", StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                    return false; // the frame runs to the end of the document
                var after = offset + end + "</iframe".Length;
                if (after < rest.Length && rest[after] == '>')
                {
                    _pos += after + 1;
                    break;
                }

                if (after >= rest.Length || HtmlWhitespace.Contains(rest[after]) || rest[after] == '/')
                    return false;
                offset = after; // "</iframes" is text
            }

            var src = Value("src");
            if (src is not null && src.Trim() is var trimmed && trimmed.StartsWith("//", StringComparison.Ordinal))
                Set("src", "https:" + trimmed); // a protocol-relative embed is fetched over https
            CleanAttributes();
            if (EmbedFrame.Shape(_attributes) is not { } shaped)
                return true; // not an allowed player: dropped with its content
            Output.Append("<iframe");
            foreach (var (name, value) in shaped)
                MarkupEscaper.AppendAttribute(Output, name, value);
            Output.Append("></iframe>");
            return true;
        }

        /// <summary>The allow-list's rules for the attributes it keeps: web-only srcset, screened and resolved URLs, no "&amp;{".</summary>
        private void CleanAttributes()
        {
            if (Value("srcset") is { } srcset && !Srcset.HasOnlyWebUrls(srcset))
                Remove("srcset");
            for (var k = 0; k < _attributes.Count; k++)
            {
                var (name, value) = _attributes[k];
                if (!SanitizerPolicy.IsUriAttribute(name))
                    continue;
                if (_urls.Sanitize(value, _baseUrl) is { } url)
                    _attributes[k] = new(name, url);
                else
                    _attributes.RemoveAt(k--);
            }

            if (Value("srcset") is { } candidates)
            {
                if (_urls.Srcset(candidates, _baseUrl) is { } clean)
                    Set("srcset", clean);
                else
                    Remove("srcset");
            }

            _attributes.RemoveAll(a => a.Value.Contains("&{", StringComparison.Ordinal));
        }

        private string? Value(string name)
        {
            foreach (var attribute in _attributes)
            {
                if (attribute.Key == name)
                    return attribute.Value;
            }

            return null;
        }

        private void Set(string name, string value)
        {
            var index = _attributes.FindIndex(a => a.Key == name);
            _attributes[index] = new(name, value);
        }

        private void Remove(string name) => _attributes.RemoveAll(a => a.Key == name);
    }
}
