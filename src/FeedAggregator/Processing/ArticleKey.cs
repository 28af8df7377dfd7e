using System.Security.Cryptography;
using System.Text;

namespace FeedAggregator.Processing;

/// <summary>
/// The identity of an article within its feed, in one place with an explicit fallback order:
/// the source's id when the document gives it to this entry alone, else the article's canonical
/// link, else a hash of its title, date and content. A unique index on (feed, key) enforces it;
/// the store also recognises a feed whose ids change while link and title stay.
/// </summary>
public static class ArticleKey
{
    // Longer ids are hashed so that the index stays small; the prefix keeps the kinds apart.
    private const int MaxRawLength = 256;

    /// <param name="idIsUnique">False when another entry of the same document has the same id.</param>
    public static string For(string? sourceId, string? url, string title, DateTimeOffset? published, string? content, bool idIsUnique = true)
    {
        if (!string.IsNullOrWhiteSpace(sourceId) && idIsUnique)
            return Compact("guid", sourceId.Trim());
        if (!string.IsNullOrWhiteSpace(url))
            return Compact("link", url);
        return "hash:" + Hash($"{title}\n{published?.ToUnixTimeSeconds()}\n{content}");
    }

    private static string Compact(string kind, string value) =>
        value.Length <= MaxRawLength ? $"{kind}:{value}" : $"{kind}#{Hash(value)}";

    internal static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 16);
}
