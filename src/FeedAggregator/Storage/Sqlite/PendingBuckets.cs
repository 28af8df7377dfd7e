using System.Globalization;
using System.Text;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The LSH buckets of the newest articles, held by the writer until <see cref="StoryIndex"/> merges
/// them into <c>story_buckets</c>: bucket to article ids. Nearly every bucket holds one article,
/// so that case is a plain entry (a few MB for <see cref="StoryIndex.MergeEvery"/> articles); the
/// few shared buckets keep a list.
/// </summary>
internal sealed class PendingBuckets
{
    private readonly Dictionary<long, long> _single = [];
    private readonly Dictionary<long, List<long>> _shared = [];

    /// <summary>Articles added since the last <see cref="Clear"/>.</summary>
    public int Articles { get; private set; }

    public void Add(long articleId, long[] buckets)
    {
        foreach (var bucket in buckets)
        {
            if (_shared.TryGetValue(bucket, out var ids))
            {
                if (!ids.Contains(articleId))
                    ids.Add(articleId);
            }
            else if (!_single.TryAdd(bucket, articleId) && _single[bucket] != articleId)
            {
                _shared[bucket] = [_single[bucket], articleId];
                _single.Remove(bucket);
            }
        }

        Articles++;
    }

    public void Remove(long articleId, long[] buckets)
    {
        foreach (var bucket in buckets)
        {
            if (_single.TryGetValue(bucket, out var id) && id == articleId)
                _single.Remove(bucket);
            else if (_shared.TryGetValue(bucket, out var ids) && ids.Remove(articleId) && ids.Count == 1)
            {
                _single[bucket] = ids[0];
                _shared.Remove(bucket);
            }
        }
    }

    /// <summary>The (bucket, article) pairs among the given buckets, as a JSON array of pairs; null when none.</summary>
    public string? Matching(long[] buckets)
    {
        StringBuilder? json = null;
        foreach (var bucket in buckets)
        {
            if (_single.TryGetValue(bucket, out var id))
                Append(ref json, bucket, id);
            else if (_shared.TryGetValue(bucket, out var ids))
            {
                foreach (var shared in ids)
                    Append(ref json, bucket, shared);
            }
        }

        return json?.Append(']').ToString();
    }

    /// <summary>Every pair, in key order (bucket, then article): the order the table is written in.</summary>
    public List<(long Bucket, long ArticleId)> Sorted()
    {
        var pairs = new List<(long Bucket, long ArticleId)>(_single.Count + _shared.Count * 2);
        foreach (var (bucket, id) in _single)
            pairs.Add((bucket, id));
        foreach (var (bucket, ids) in _shared)
            pairs.AddRange(ids.Select(id => (bucket, id)));
        pairs.Sort();
        return pairs;
    }

    /// <summary>The pairs of one article, or all.</summary>
    public long Count(long? articleId) =>
        _single.Values.Count(id => articleId is null || id == articleId) +
        _shared.Values.Sum(ids => ids.Count(id => articleId is null || id == articleId));

    public void Clear()
    {
        _single.Clear();
        _shared.Clear();
        Articles = 0;
    }

    private static void Append(ref StringBuilder? json, long bucket, long articleId)
    {
        json = json is null ? new StringBuilder("[") : json.Append(',');
        json.Append(CultureInfo.InvariantCulture, $"[{bucket},{articleId}]");
    }
}
