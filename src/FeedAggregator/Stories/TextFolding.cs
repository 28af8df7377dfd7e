using System.Buffers;
using System.Globalization;
using System.Text;

namespace FeedAggregator.Stories;

/// <summary>
/// Folds text so that spellings of the same words compare equal: Unicode NFKC, case folding,
/// accents dropped from Latin, Greek and Cyrillic letters, and for Arabic the diacritics and
/// tatweel removed and the alef, yaa and taa marbuta variants unified. Words are runs of letters
/// and digits; punctuation (any kind of quote mark) separates them.
/// </summary>
public static class TextFolding
{
    private const char Tatweel = '\u0640';

    // ASCII, and the typographic spaces, dashes and quote marks of everyday text: none is a letter
    // or a digit, none becomes one under NFKC, none combines with a neighbour (see ForWords).
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c))
        + "\u00A0\u00AB\u00AD\u00BB\u2009\u200B\u2010\u2011\u2012\u2013\u2014\u2015"
        + "\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2022\u2026\u2032\u2033\u2039\u203A");

    public static IReadOnlyList<string> Words(string text)
    {
        var folded = ForWords(text);
        var words = new List<string>();
        for (var i = 0; NextWord(folded, ref i) is var (start, end);)
            words.Add(folded[start..end]);
        return words;
    }

    /// <summary>
    /// A text whose words (runs of letters and digits) are the words of <see cref="Fold"/>: the
    /// folded text itself, or, for plain text (<see cref="Plain"/>), its lower case. Every
    /// normalisation leaves plain text as it is, but for its typographic characters, which stay
    /// or become other characters that are neither letters nor digits: separators either way.
    /// </summary>
    public static string ForWords(string text) =>
        text.AsSpan().ContainsAnyExcept(Plain) ? Fold(text) : text.ToLowerInvariant();

    /// <summary>The next word of <paramref name="folded"/> from <paramref name="index"/>, which moves past it; null at the end.</summary>
    public static (int Start, int End)? NextWord(string folded, ref int index)
    {
        var i = index;
        while (i < folded.Length && !char.IsLetterOrDigit(folded[i]))
            i++;
        if (i == folded.Length)
        {
            index = i;
            return null;
        }

        var start = i;
        while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            i++;
        index = i;
        return (start, i);
    }

    public static string Fold(string text)
    {
        // NFKC first (presentation forms, ligatures, full-width), then decompose so marks can go.
        var decomposed = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var previousBase = '\0';
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // Marks carry meaning in Indic and other scripts: only these scripts lose them.
                if (HasFoldableMarks(previousBase))
                    continue;
                result.Append(c);
                continue;
            }

            if (c == Tatweel)
                continue;
            previousBase = c;
            result.Append(Unify(c));
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool HasFoldableMarks(char letter) => letter < '\u0530' || letter is >= '\u0600' and < '\u0700';

    // NFD has already split أ إ آ ؤ ئ into a base letter and a hamza or madda mark.
    private static char Unify(char c) => c switch
    {
        '\u0671' => '\u0627', // alef wasla -> alef
        '\u0649' => '\u064A', // alef maqsura -> yaa
        '\u06CC' => '\u064A', // Farsi yeh -> yaa
        '\u0629' => '\u0647', // taa marbuta -> haa
        _ when char.IsDigit(c) && CharUnicodeInfo.GetDecimalDigitValue(c) is var d and >= 0 => (char)('0' + d),
        _ => c,
    };
}
