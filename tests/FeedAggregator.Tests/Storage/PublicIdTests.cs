using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Storage;

/// <summary>An article's public id: a tag: URI from its first feed and key, distinct for each pair.</summary>
public sealed class PublicIdTests
{
    [Fact]
    public void Ids_are_tag_uris_that_tell_apart_a_feed_and_key_that_run_together_the_same()
    {
        var id = PublicId.For("https://a.example/feed", "1");

        Assert.Matches("^tag:feedaggregator,2026:[0-9a-f]{32}$", id);
        Assert.Equal(id, PublicId.For("https://a.example/feed", "1"));
        Assert.NotEqual(id, PublicId.For("https://a.example/feed1", ""));
        Assert.NotEqual(id, PublicId.For("https://a.example/fee", "d1"));
    }
}
