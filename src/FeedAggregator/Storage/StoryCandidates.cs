using System.Data.Common;
using FeedAggregator.Stories;

namespace FeedAggregator.Storage;

/// <summary>
/// Which story a new article joins, from each provider's candidate lookup: rows of (is link match,
/// story id, fingerprint), the same link from another feed first, then the articles that share an
/// LSH bucket with it. A link match wins; else the most similar text at or above the threshold.
/// </summary>
internal static class StoryCandidates
{
    /// <summary>A bucket shared by hundreds of texts is boilerplate, not a story: look at this many at most.</summary>
    public const int Max = 200;

    public static StoryMatch? Best(DbDataReader rows, TextFingerprint? fingerprint, double threshold)
    {
        StoryMatch? best = null;
        while (rows.Read())
        {
            if (rows.GetInt32(0) == 1)
                return new StoryMatch(rows.GetInt64(1), "link", 1.0);
            if (fingerprint is null || TextFingerprint.FromBytes(rows.IsDBNull(2) ? null : (byte[])rows.GetValue(2)) is not { } other)
                continue;
            var score = fingerprint.Similarity(other);
            if (score >= threshold && (best is null || score > best.Score))
                best = new StoryMatch(rows.GetInt64(1), "text", score);
        }

        return best;
    }
}
