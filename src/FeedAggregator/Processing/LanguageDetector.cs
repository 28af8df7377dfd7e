using System.Text;

namespace FeedAggregator.Processing;

/// <summary>
/// Guesses a language from the script of a text, for articles whose feed declares none. Only
/// scripts that nearly name one language are answered (Arabic-script letters unique to Persian
/// or Urdu tell those apart); Latin text is left unknown rather than guessed.
/// </summary>
public static class LanguageDetector
{
    public static string? Detect(string? text)
    {
        // ASCII letters are Latin: left unknown, below.
        if (string.IsNullOrEmpty(text) || Ascii.IsValid(text))
            return null;
        int letters = 0, arabic = 0, persian = 0, urdu = 0, hebrew = 0, greek = 0, thai = 0, hangul = 0, kana = 0, han = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            switch (c)
            {
                case >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
                    or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF':
                    arabic++;
                    if (c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06CC' or '\u06A9') persian++;
                    if (c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2' or '\u06BE') urdu++;
                    break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF': hangul++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
            }
        }

        if (letters == 0)
            return null;
        bool Most(int count) => count * 2 > letters;
        if (Most(arabic))
            return urdu * 50 > arabic ? "ur" : persian * 50 > arabic ? "fa" : "ar";
        if (Most(hebrew)) return "he";
        if (Most(greek)) return "el";
        if (Most(thai)) return "th";
        if (Most(hangul)) return "ko";
        if (kana > 0 && Most(kana + han)) return "ja";
        if (Most(han)) return "zh";
        return null; // Cyrillic and Latin serve many languages: unknown beats wrong.
    }
}
