using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class ArticleKeyTests
{
    [Fact]
    public void An_id_up_to_256_characters_is_the_key_as_it_is()
    {
        var id = new string('i', 256);
        Assert.Equal("guid:" + id, ArticleKey.For(id, null, "T", null, null));
        Assert.Equal("link:https://x.example/a", ArticleKey.For(null, "https://x.example/a", "T", null, null));
    }

    [Fact]
    public void A_longer_id_or_link_is_hashed_keeping_its_kind_and_its_identity()
    {
        var id = new string('i', 257);
        var key = ArticleKey.For(id, null, "T", null, null);
        Assert.Matches("^guid#[0-9a-f]{32}$", key);
        Assert.Equal(key, ArticleKey.For(" " + id + " ", null, "Other title", null, null));
        Assert.NotEqual(key, ArticleKey.For(id + "j", null, "T", null, null));
        var link = "https://x.example/" + new string('p', 300);
        Assert.Matches("^link#[0-9a-f]{32}$", ArticleKey.For(null, link, "T", null, null));
        Assert.NotEqual(key[5..], ArticleKey.For(null, link, "T", null, null)[5..]);
    }
}
