using System.Text;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Publishing;

public sealed class FeedViewCacheTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly FeedView NewsPage = new(new ArticleFilter(Category: "News"), Limit: 10, LimitGiven: true);

    private PublisherFixture _fixture = null!;
    private FeedPublisher _publisher = null!;
    private FeedViewCache _cache = null!;

    public async Task InitializeAsync()
    {
        _fixture = await PublisherFixture.CreateAsync();
        _publisher = _fixture.Publisher();
        var options = _fixture.Options();
        _cache = new FeedViewCache(
            new FeedViewQuery(_fixture.Db.Articles, options, _fixture.Time), _publisher, PublisherFixture.AllWriters, options, _fixture.Metrics);
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Nothing_is_served_before_the_first_publication()
    {
        Assert.Null(await _cache.GetAsync(NewsPage, FeedDocument.Atom, None));
    }

    [Fact]
    public async Task The_default_view_is_the_published_document_itself()
    {
        var snapshot = await _publisher.PublishAsync(None);

        Assert.Same(snapshot.Documents["feed.rss"], await _cache.GetAsync(new FeedView(ArticleFilter.None, 50), FeedDocument.Rss, None));
    }

    [Fact]
    public async Task A_view_is_rendered_in_the_format_asked_for_once_per_store_version()
    {
        await _publisher.PublishAsync(None);
        using var renderings = _fixture.Renderings();

        var json = await _cache.GetAsync(NewsPage, FeedDocument.Json, None);
        var atom = await _cache.GetAsync(NewsPage, FeedDocument.Atom, None);

        Assert.NotNull(json);
        Assert.NotNull(atom);
        Assert.Equal(FeedDocument.Json, json.Document);
        Assert.StartsWith("{\"version\":\"https://jsonfeed.org/version/1.1\"", Encoding.UTF8.GetString(json.Content), StringComparison.Ordinal);
        Assert.Contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", Encoding.UTF8.GetString(atom!.Content), StringComparison.Ordinal);
        Assert.Contains("FeedAggregator (category: News)", Encoding.UTF8.GetString(atom.Content), StringComparison.Ordinal);
        Assert.Same(json, await _cache.GetAsync(NewsPage with { }, FeedDocument.Json, None));
        Assert.Equal(["view", "view"], renderings.GetMeasurementSnapshot().Select(m => m.Tags["what"]));

        // A new article: the next publication's store version makes the cached rendering stale.
        await _fixture.AddArticleAsync("second");
        Assert.Same(json, await _cache.GetAsync(NewsPage, FeedDocument.Json, None));
        await _publisher.PublishAsync(None);
        var fresh = await _cache.GetAsync(NewsPage, FeedDocument.Json, None);
        Assert.NotSame(json, fresh);
        Assert.Contains("https://a.example/second", Encoding.UTF8.GetString(fresh!.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_view_is_refused()
    {
        await _publisher.PublishAsync(None);

        await Assert.ThrowsAsync<ArgumentNullException>("view", () => _cache.GetAsync(null!, FeedDocument.Atom, None));
    }
}
