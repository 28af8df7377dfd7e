namespace FeedAggregator.Processing.Html;

/// <summary>
/// Cuts a large document into pieces of about a given size, each ending just before a start tag
/// (where a new element begins, so a piece rarely ends inside a tag or a word), for the slow
/// path to sanitize one at a time.
/// </summary>
internal static class MarkupChunks
{
    public static IEnumerable<(int Start, int Length)> Split(string html, int size)
    {
        var start = 0;
        while (html.Length - start > size)
        {
            var end = NextStartTag(html, start + size);
            if (end < 0 || end - start > 2 * size)
                end = SafeCut(html, start + size);
            yield return (start, end - start);
            start = end;
        }

        yield return (start, html.Length - start);
    }

    /// <summary>The next "&lt;" followed by a letter at or after <paramref name="from"/>, or -1.</summary>
    private static int NextStartTag(string html, int from)
    {
        for (var at = html.IndexOf('<', from); at >= 0 && at + 1 < html.Length; at = html.IndexOf('<', at + 1))
        {
            if (char.IsAsciiLetter(html[at + 1]))
                return at;
        }

        return -1;
    }

    /// <summary>A cut that does not split a surrogate pair.</summary>
    private static int SafeCut(string html, int at) => char.IsLowSurrogate(html[at]) ? at + 1 : at;
}
