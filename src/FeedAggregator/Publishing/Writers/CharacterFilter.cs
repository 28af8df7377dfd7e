using System.Text;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// Removes the characters XML 1.0 cannot carry (and no reader wants): control characters other
/// than tab, CR and LF, U+FFFE / U+FFFF, and lone surrogates. Every writer passes every string
/// through here, so one bad byte in one source can never make the whole merged feed unreadable.
/// </summary>
internal static class CharacterFilter
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return i;
            }
        }

        return -1;
    }

    // Surrogates reaching here are unpaired. C1 controls and DEL are legal XML 1.0 but never text:
    // they are mis-decoded windows-1252 and HTML treats them as parse errors, so they go too.
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r'
        || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');
}
