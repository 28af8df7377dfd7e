using FeedAggregator.Model;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>A document the store refused is fetched and read again: nothing of it is lost.</summary>
public sealed class PollCycleStoreFailureTests
{
    [Fact]
    public async Task A_document_the_store_refused_is_fetched_without_validators_and_stored_next_time()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            // A server that honours validators and always sends the same bytes.
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.Body.WriteAsync(Feeds.Rss("a", "b"));
        });
        RecordingArticleStore store = null!;
        await using var poll = await PollHarness.CreateAsync(
            [server.Url("/feed")], articles: inner => store = new RecordingArticleStore(inner) { RefuseDocuments = 1 });
        var url = server.Url("/feed").AbsoluteUri;

        var refused = await poll.PollAsync();
        Assert.Equal((1, 0), (refused.Failed, refused.Added));
        var failed = await poll.FeedAsync(url);
        Assert.Equal(FeedStatus.Error, failed.Status);
        Assert.Null(failed.ETag);
        Assert.Null(failed.BodyHash);
        // The store failed, not the feed: due at the next run, no backoff.
        Assert.Equal(PollHarness.Start, failed.NextPollAt);
        Assert.Single(await poll.Db.Feeds.GetDueAsync(PollHarness.Start, force: false, CancellationToken.None));

        var again = await poll.PollAsync(force: true);

        Assert.Equal(2, again.Added);
        Assert.False(server.RequestsTo("/feed")[1].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(FeedStatus.Ok, (await poll.FeedAsync(url)).Status);
    }
}
