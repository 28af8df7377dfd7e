using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Support;

/// <summary>A fresh, migrated store of one provider, for the store contract tests; gone when disposed.</summary>
public interface ITestStore : IAsyncDisposable
{
    IFeedStore Feeds { get; }
    IArticleStore Articles { get; }
    IPollLeases Leases { get; }
    IWebSubStore WebSub { get; }

    /// <summary>A query in SQL both providers take, read behind the store's back.</summary>
    Task<T> ScalarAsync<T>(string sql);

    /// <summary>A statement in SQL both providers take, run behind the store's back.</summary>
    Task ExecuteAsync(string sql, object? parameters = null);

    /// <summary>The story index's rows (LSH buckets), of one article or all, wherever the store keeps them.</summary>
    Task<long> StoryBucketsAsync(long? articleId = null);
}
