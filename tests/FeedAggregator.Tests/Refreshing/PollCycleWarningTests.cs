using FeedAggregator.Model;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>A feed that works but not entirely (cut at MaxEntries) says so on its status.</summary>
public sealed class PollCycleWarningTests
{
    [Fact]
    public async Task A_feed_cut_at_MaxEntries_is_ok_with_a_warning_kept_through_304_and_cleared_by_a_whole_document()
    {
        var body = Feeds.Rss("a", "b", "c");
        var etag = "\"1\"";
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = etag;
            await context.Response.Body.WriteAsync(body);
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")], parsing: o => o.MaxEntries = 2);
        var url = server.Url("/feed").AbsoluteUri;

        await poll.PollAsync();
        var cut = await poll.FeedAsync(url);
        Assert.Equal(FeedStatus.Ok, cut.Status);
        Assert.Equal("the feed has 3 entries, more than the limit of 2; kept the first 2", cut.Warning);
        Assert.Equal(2, (await poll.Db.Articles.CountByFeedAsync(CancellationToken.None))[cut.Id]);

        await poll.PollAsync(force: true);
        Assert.Equal(304, (await poll.FeedAsync(url)).LastHttpStatus);
        Assert.Equal(cut.Warning, (await poll.FeedAsync(url)).Warning);

        (body, etag) = (Feeds.Rss("a", "b"), "\"2\"");
        await poll.PollAsync(force: true);
        Assert.Null((await poll.FeedAsync(url)).Warning);
    }
}
