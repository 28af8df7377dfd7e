using System.Text;

namespace FeedAggregator.Processing.Html;

// The fast path's tags: start and end tags, their attributes and the allow-list's rules for them.
internal sealed partial class FastSanitizer
{
    private sealed partial class Scanner
    {
        private bool EndTag()
        {
            var start = _pos + 2;
            var i = start;
            while (i < _html.Length && char.IsAsciiLetterOrDigit(_html[i]))
                i++;
            if (i == start || Current is not { } current || !_html.AsSpan(start, i - start).Equals(current.Name, StringComparison.OrdinalIgnoreCase))
                return false; // "</>", a stray or misnested end tag: the tree builder decides
            if (_inline && Output.Length == _openedAt[^1])
                return false;
            while (i < _html.Length && HtmlWhitespace.Contains(_html[i]))
                i++;
            if (i >= _html.Length || _html[i] != '>')
                return false;
            Output.Append("</").Append(current.Name).Append('>');
            _open.RemoveAt(_open.Count - 1);
            _openedAt.RemoveAt(_openedAt.Count - 1);
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

                if (i == spaced || _inline)
                    return false; // no space before an attribute, a tag name with odd characters, an inline value's attribute
                if (!Attribute(ref i, tag, ref style))
                    return false;
            }

            if (selfClosing && !tag.IsVoid)
                return false; // "<p/>" opens a p: the slash is ignored, leave that to the parser
            if (_inline && tag.Name is "a" or "img" or "iframe")
                return false; // only a title's plain elements: these are links and embeds
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
            Output.Append(_inline && tag.IsVoid ? " />" : ">");
            if (tag.IsVoid)
                return true;
            _open.Add(tag);
            _openedAt.Add(Output.Length);
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
