namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// A Bloom filter of the LSH buckets in <c>story_buckets</c>, held by the writer so that a story
/// lookup seeks only the buckets the table may hold. Nearly every bucket of a new article is a
/// key of its own: without the filter each was an index seek into a table of millions of rows
/// whose pages are mostly out of the cache, a quarter of a first poll's writing. It answers
/// "maybe" for every bucket it was given (never a false "no") and, at 12 to 8 bits per bucket,
/// "maybe" for about 1.1% to 3.3% of the others.
/// </summary>
/// <remarks>
/// One 64-bit word per bucket, four bits set in it (a blocked Bloom filter): a lookup is one
/// memory read. The buckets are already well-mixed 64-bit hashes (SplitMix64), so their own bits
/// choose the word (the high bits) and the four bits (the low 24). Sized to the bit, not to a
/// power of two: for a table of 3.2 million buckets (200,000 articles) that is 4.6 MB, not 8.
/// </remarks>
internal sealed class BucketFilter
{
    /// <summary>At least 1 MB: room for a million buckets before the first rebuild.</summary>
    internal const int MinWords = 1 << 17;

    private readonly ulong[] _words;

    private BucketFilter(int words) => _words = new ulong[words];

    /// <summary>Buckets added (a repeat counts again): what tells when the filter is full.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// An empty filter with 12 bits or more for each of <paramref name="buckets"/>: room for half as
    /// many again before it is full, so that rebuilding it reads a table at most once per 50% growth.
    /// </summary>
    public static BucketFilter For(long buckets, int minWords = MinWords) =>
        new((int)Math.Clamp((buckets * 12 + 63) / 64, minWords, Array.MaxLength));

    /// <summary>Whether <paramref name="more"/> buckets would leave fewer than 8 bits each: false "maybe"s pass 3%.</summary>
    public bool WouldOverfill(long more) => (Count + more) * 8 > (long)_words.Length * 64;

    public void Add(long bucket)
    {
        var (word, bits) = Locate(bucket);
        _words[word] |= bits;
        Count++;
    }

    public bool MayContain(long bucket)
    {
        var (word, bits) = Locate(bucket);
        return (_words[word] & bits) == bits;
    }

    private (ulong Word, ulong Bits) Locate(long bucket)
    {
        var hash = (ulong)bucket;
        var bits = 1UL << (int)(hash & 63) | 1UL << (int)((hash >> 6) & 63) | 1UL << (int)((hash >> 12) & 63) | 1UL << (int)((hash >> 18) & 63);
        // hash * words / 2^64: the high bits choose the word, for any number of words.
        return (Math.BigMul(hash, (ulong)_words.Length, out _), bits);
    }
}
