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

    public static IReadOnlyList<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
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
