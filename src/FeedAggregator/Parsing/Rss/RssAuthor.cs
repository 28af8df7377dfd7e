using System.Text.RegularExpressions;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Rss;

/// <summary>RSS &lt;author&gt; is an e-mail address, often "jane@example.com (Jane Doe)": keep the name.</summary>
internal static partial class RssAuthor
{
    public static string? Name(string? value)
    {
        var text = HtmlText.ToPlainText(value);
        if (text is null)
            return null;
        var match = EmailWithName().Match(text);
        return match.Success ? match.Groups["name"].Value.Trim() : text;
    }

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailWithName();
}
