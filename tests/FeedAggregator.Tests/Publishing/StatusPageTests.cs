using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

public sealed class StatusPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_page_is_rendered_once_per_change_of_a_feed_or_an_article()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, None);
        var status = new StatusPage(db.Feeds, db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var first = await status.GetAsync(None);
        Assert.Same(first, await status.GetAsync(None));

        var feed = (await db.Feeds.ListAsync(None)).Single();
        await db.Feeds.UpdatePollStateAsync(feed with { Status = FeedStatus.Error, LastError = "fetch: timed out" }, None);
        var afterPoll = await status.GetAsync(None);
        Assert.NotSame(first, afterPoll);
        Assert.Contains("fetch: timed out", Encoding.UTF8.GetString(afterPoll.Content));

        await db.Articles.SaveAsync(feed, [new Article { Key = "k", Title = "t", ContentHash = "h" }], Now, None);
        Assert.NotSame(afterPoll, await status.GetAsync(None));
    }
}
