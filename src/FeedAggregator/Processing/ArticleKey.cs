using System.Security.Cryptography;
using System.Text;

namespace FeedAggregator.Processing;

/// <summary>
/// The identity of an article within its feed, in one place with an explicit fallback order:
/// the source's id, else the article's link, else a hash of its title, date and content.
/// A unique index on (feed, key) enforces it.
/// </summary>
public static class ArticleKey
{
    // Longer ids are hashed so that the index stays small; the prefix keeps the kinds apart.
    private const int MaxRawLength = 256;

    public static string For(string? sourceId, string? url, string title, DateTimeOffset? published, string? content)
    {
        if (!string.IsNullOrWhiteSpace(sourceId))
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
