using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Stories;

namespace FeedAggregator.Tests.Storage;

/// <summary>
/// The writer's filter of the buckets in story_buckets (<see cref="BucketFilter"/>): a lookup skips
/// the buckets it says no to, so it may never say no to one it was given.
/// </summary>
public sealed class BucketFilterTests
{
    // Buckets as the fingerprints make them: SplitMix64 outputs.
    private static long[] Buckets(int count, ulong seed) =>
        [.. Enumerable.Range(0, count).Select(i => (long)TextFingerprint.Mix(seed + (ulong)i))];

    [Fact]
    public void Every_bucket_added_may_be_in_the_table()
    {
        var added = Buckets(200_000, 1);
        var filter = BucketFilter.For(added.Length);
        foreach (var bucket in added)
            filter.Add(bucket);

        Assert.All(added, bucket => Assert.True(filter.MayContain(bucket)));
        Assert.Equal(added.Length, filter.Count);
    }

    [Theory]
    [InlineData(12, 0.02)]
    [InlineData(8, 0.05)]
    public void Few_other_buckets_are_sought_in_vain(int bitsPerBucket, double atMost)
    {
        var filter = BucketFilter.For(0, minWords: 1 << 12);
        var room = (1 << 12) * 64 / bitsPerBucket;
        foreach (var bucket in Buckets(room, 1))
            filter.Add(bucket);

        var others = Buckets(100_000, 1UL << 40);
        var maybe = others.Count(filter.MayContain) / (double)others.Length;

        Assert.InRange(maybe, 0, atMost);
        Assert.True(maybe > 0, "a filter this full says maybe to some other buckets");
    }

    [Fact]
    public void It_is_full_below_8_bits_a_bucket_and_sized_for_12_or_more()
    {
        // 12 bits for each of a million: room for half a million more at 8.
        var filter = BucketFilter.For(1_000_000);
        Assert.False(filter.WouldOverfill(1_500_000));
        Assert.True(filter.WouldOverfill(3_000_000));

        var small = BucketFilter.For(0, minWords: 1 << 12);
        Assert.False(small.WouldOverfill((1 << 12) * 8));
        Assert.True(small.WouldOverfill((1 << 12) * 8 + 1));
    }
}
