namespace FeedAggregator.Publishing.Writers;

/// <summary>Which languages are written right to left, so writers can mark their text dir="rtl".</summary>
public static class TextDirection
{
    // Primary subtags of the right-to-left languages a news feed is likely to carry.
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo", "pnb", "ps",
        "sd", "syr", "ug", "ur", "yi",
    };

    // Scripts that are right to left whatever the language (e.g. "ku-Arab", "pa-Arab").
    private static readonly HashSet<string> RightToLeftScripts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg",
    };

    // Latin / Cyrillic script subtags override a right-to-left language (e.g. "ku-Latn").
    private static readonly HashSet<string> LeftToRightScripts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Latn", "Cyrl",
    };

    /// <summary>True when text in <paramref name="language"/> (a BCP 47 tag such as "ar" or "fa-IR") reads right to left.</summary>
    public static bool IsRightToLeft(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return false;
        }

        var subtags = language.Trim().Replace('_', '-').Split('-');
        var script = subtags.Skip(1).FirstOrDefault(s => s.Length == 4 && s.All(char.IsAsciiLetter));
        if (script is not null)
        {
            if (RightToLeftScripts.Contains(script))
            {
                return true;
            }

            if (LeftToRightScripts.Contains(script))
            {
                return false;
            }
        }

        return RightToLeft.Contains(subtags[0]);
    }
}
