using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Seeding;

/// <summary>
/// Reads one seed document: plain UTF-8 text, a paragraph a line, the lead first. A trailing
/// line of page furniture (a comment counter such as "تعليقات الزوار ( 0 )" or "Comments (3)") is
/// not part of the article.
/// </summary>
public static partial class SeedDocument
{
    private const int TitleLength = 120;

    /// <summary>The document as an entry, or null when it holds no text.</summary>
    public static ParsedEntry? Read(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split('\n')
            .Select(line => line.Trim().TrimStart('\uFEFF'))
            .Where(line => line.Length > 0)
            .ToList();
        if (paragraphs.Count > 1 && IsFurniture(paragraphs[^1]))
            paragraphs.RemoveAt(paragraphs.Count - 1);
        if (paragraphs.Count == 0)
            return null;

        var normalised = string.Join("\n", paragraphs.Select(p => Whitespace().Replace(p, " "))).Normalize(NormalizationForm.FormKC);
        var html = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        return new ParsedEntry
        {
            // Derived from the text alone: the same document imported anywhere, any time, is the same article.
            Id = "seed:" + ArticleKey.Hash(normalised),
            Title = TitleFromLead(paragraphs[0]),
            Content = html,
            Language = LanguageDetector.Detect(normalised),
        };
    }

    /// <summary>The lead's first sentence, shortened at a clause or word boundary.</summary>
    internal static string TitleFromLead(string lead)
    {
        var end = SentenceEnd().Match(lead);
        var sentence = end.Success ? lead[..(end.Index + 1)] : lead;
        sentence = sentence.TrimEnd('.', '。', '؟', '?', '!');
        return HtmlText.FirstWords(sentence, TitleLength);
    }

    private static bool IsFurniture(string line) =>
        line.Length <= 60 && (CounterLine().IsMatch(line) || !line.Any(char.IsLetter));

    // "Comments (3)", "تعليقات الزوار ( 0 )", "12 comments": a label and a number, nothing more.
    [GeneratedRegex(@"^\W*(\p{L}+\s*){0,3}[(\[]\s*\d+\s*[)\]]\W*$|^\d+\s+\p{L}+$")]
    private static partial Regex CounterLine();

    [GeneratedRegex(@"[.!?؟。](\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
