namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>
/// A start tag read tolerantly: attribute values quoted with either quote, unquoted, or missing
/// (an HTML boolean attribute); a quote left open ends at the tag's "&gt;"; a tag left open ends
/// where the next one begins. Values stay ranges of the document until they are written.
/// </summary>
internal sealed class StartTag
{
    public string Name { get; private set; } = "";
    public bool SelfClosing { get; private set; }

    /// <summary>Where the document goes on after the tag.</summary>
    public int End { get; private set; }

    /// <summary>The attributes: name, and the range of the value in the document (a boolean attribute's value is its name).</summary>
    public List<(string Name, int Start, int Length)> Attributes { get; } = [];

    /// <summary>Reads the tag at <paramref name="lt"/> ("&lt;" then a name); false when the document ends inside it.</summary>
    public bool Read(ReadOnlySpan<char> text, int lt)
    {
        Attributes.Clear();
        SelfClosing = false;
        var nameEnd = QualifiedName.End(text, lt + 1);
        Name = text[(lt + 1)..nameEnd].ToString();

        // Nothing of a tag runs past the next "<": attribute values may not hold one.
        var next = text[(lt + 1)..].IndexOf('<');
        var limit = next < 0 ? text.Length : lt + 1 + next;
        var i = nameEnd;
        while (true)
        {
            while (i < limit && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= limit)
            {
                End = limit;
                return limit < text.Length;
            }
            switch (text[i])
            {
                case '>':
                    End = i + 1;
                    return true;
                case '/' when i + 1 < limit && text[i + 1] == '>':
                    SelfClosing = true;
                    End = i + 2;
                    return true;
                case '/' or '"' or '\'' or '=':
                    i++;
                    continue;
            }

            var attributeEnd = QualifiedName.End(text, i);
            var attribute = text[i..attributeEnd].ToString();
            i = attributeEnd;
            while (i < limit && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= limit || text[i] != '=')
            {
                Attributes.Add((attribute, -1, 0));
                continue;
            }

            i++;
            while (i < limit && char.IsWhiteSpace(text[i]))
                i++;
            i = ReadValue(text, i, limit, attribute);
        }
    }

    private int ReadValue(ReadOnlySpan<char> text, int i, int limit, string attribute)
    {
        if (i < limit && text[i] is '"' or '\'')
        {
            var close = text[(i + 1)..limit].IndexOf(text[i]);
            if (close >= 0)
            {
                Attributes.Add((attribute, i + 1, close));
                return i + 1 + close + 1;
            }
            // An unclosed quote: the value runs to the tag's end.
            var gt = text[(i + 1)..limit].IndexOf('>');
            var length = gt < 0 ? limit - i - 1 : gt;
            Attributes.Add((attribute, i + 1, length));
            return i + 1 + length;
        }

        var end = i;
        while (end < limit && !char.IsWhiteSpace(text[end]) && text[end] != '>')
            end++;
        // "href=a/b/>" ends the tag with "/>", not the value with "/".
        if (end < limit && text[end] == '>' && end > i && text[end - 1] == '/')
            end--;
        Attributes.Add((attribute, i, end - i));
        return end;
    }
}
