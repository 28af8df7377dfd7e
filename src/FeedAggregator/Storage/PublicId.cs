using System.Security.Cryptography;
using System.Text;

namespace FeedAggregator.Storage;

/// <summary>The public ids of the merged feed: tag: URIs (RFC 4151) that never change once given.</summary>
public static class PublicId
{
    /// <summary>The tag: URI authority and date of every public id; never change them.</summary>
    public const string TagPrefix = "tag:feedaggregator,2026:";

    /// <summary>The public id of a new article: from where it was first seen and its key.</summary>
    public static string For(string feedUrl, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(feedUrl + "\n" + key));
        return TagPrefix + Convert.ToHexStringLower(hash, 0, 16);
    }
}
