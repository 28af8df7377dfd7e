using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>What processing cuts (issue 11: bounded processing) is a warning on the feed's status, and the feed is stored.</summary>
public sealed class PollCycleProcessingWarningTests
{
    [Fact]
    public async Task An_entry_over_the_html_cap_is_stored_cut_and_the_feed_is_ok_with_a_warning()
    {
        var huge = string.Concat(Enumerable.Repeat("&lt;b&gt;x&lt;/b&gt;", 200_000)); // 1.6 MB of <b>x</b>
        var body = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://example.test/</link>" +
            "<item><title>a</title><guid>a</guid><description>plain</description></item>" +
            $"<item><title>b</title><guid>b</guid><description>{huge}</description></item>" +
            "<item><title>c</title><guid>c</guid><description>plain</description></item></channel></rss>");
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();

        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal(FeedStatus.Ok, feed.Status);
        Assert.Equal("entry 'b': its summary of 1562 KB was cut to 1024 KB (Processing:MaxEntryHtmlBytes)", feed.Warning);
        Assert.Equal(3, (await poll.Db.Articles.CountByFeedAsync(CancellationToken.None))[feed.Id]);
        Assert.Contains(poll.Logs.Entries, e => e.Message.Contains("Processing:", StringComparison.Ordinal) && e.Message.Contains("entry 'b'", StringComparison.Ordinal));
    }
}
