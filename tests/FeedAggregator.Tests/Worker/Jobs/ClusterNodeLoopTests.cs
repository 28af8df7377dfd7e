using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// What each node of a PostgreSQL cluster runs outside the clustered scheduler, here on SQLite and
/// a fake clock: a poll node polls at start and then every Polling:CheckEvery (1 minute), spreading
/// overdue feeds only on its first pass; a serve node re-renders its cache when the store changed.
/// </summary>
public sealed class ClusterNodeLoopTests
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);
    private static readonly NodeRoles PollOnly = new(Polls: true, Serves: false);
    private static readonly NodeRoles ServeOnly = new(Polls: false, Serves: true);

    [Fact]
    public async Task A_poll_node_polls_at_start_then_once_every_check_interval_and_renders_nothing()
    {
        await using var host = await JobHost.CreateAsync();
        await host.SubscribeAsync(host.A);
        var loop = host.Create<ClusterNodeLoop>(PollOnly);

        await loop.StartAsync(CancellationToken.None);
        await host.EventuallyAsync(() => host.Logged("feeds polled").Count == 1, "the poll at start");
        var summary = host.Logged("feeds polled").Single();
        Assert.Equal(LogLevel.Information, summary.Level);
        Assert.Equal("Polling: 1 feeds polled, 0 failed, 2 new articles, 0 updated", summary.Message);
        Assert.Equal(1, host.Requests(host.A));

        // A feed added now waits for the next pass, one CheckEvery on.
        await host.SubscribeAsync(host.A, host.B);
        await Task.Delay(500);
        Assert.Equal(0, host.Requests(host.B));
        await host.AdvanceUntilAsync(() => host.Requests(host.B) == 1, CheckEvery, 3, "feed B polled by the next pass");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(1, host.Requests(host.A)); // not due again within its 30 minutes
        Assert.Null(host.Services.GetRequiredService<FeedPublisher>().Current);
        Assert.False(Directory.Exists(host.Folder.Output) && Directory.EnumerateFiles(host.Folder.Output).Any());
    }

    [Fact]
    public async Task After_downtime_a_poll_node_spreads_overdue_feeds_on_its_first_pass_only()
    {
        await using var host = await JobHost.CreateAsync();
        await host.SubscribeAsync(host.A);
        var before = host.Create<ClusterNodeLoop>(PollOnly);
        await before.StartAsync(CancellationToken.None);
        // The pass's summary, not the request: a stop between the request and the write would
        // leave A never polled, and a never-polled feed is due, not overdue.
        await host.EventuallyAsync(() => host.Logged("feeds polled").Count == 1, "feed A polled and stored at start");
        Assert.Equal(1, host.Requests(host.A));
        await before.StopAsync(CancellationToken.None);

        // Three hours down: A, due 30 minutes after its poll, is overdue when a node starts again.
        host.Time.Advance(TimeSpan.FromHours(3));
        var after = host.Create<ClusterNodeLoop>(PollOnly);
        await after.StartAsync(CancellationToken.None);
        await host.EventuallyAsync(() => host.Logged("1 overdue feeds spread").Count == 1, "the overdue feed spread");
        Assert.Equal(1, host.Requests(host.A));

        // Within its interval a later pass polls it, and spreads nothing again.
        await host.AdvanceUntilAsync(() => host.Requests(host.A) == 2, TimeSpan.FromMinutes(15), 4, "feed A polled by a later pass");
        await after.StopAsync(CancellationToken.None);
        Assert.Single(host.Logged("overdue feeds spread"));
    }

    [Fact]
    public async Task A_serve_node_renders_a_change_of_the_store_within_a_check_interval_without_polling_or_writing_files()
    {
        await using var host = await JobHost.CreateAsync();
        await host.SubscribeAsync(host.A);
        var feed = (await host.Services.GetRequiredService<IFeedStore>().ListAsync(CancellationToken.None)).Single();
        var articles = host.Services.GetRequiredService<IArticleStore>();
        var publisher = host.Services.GetRequiredService<FeedPublisher>();
        await articles.SaveAsync(feed, [Article("guid:first", "Stored before the start")], JobHost.Start, CancellationToken.None);
        var loop = host.Create<ClusterNodeLoop>(ServeOnly);

        await loop.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.Null(publisher.Current); // the first refresh is one CheckEvery after the start
        await host.AdvanceUntilAsync(() => Served(publisher).Contains("Stored before the start"), CheckEvery, 3, "the store rendered");

        await articles.SaveAsync(feed, [Article("guid:second", "Stored by another node")], JobHost.Start, CancellationToken.None);
        await host.AdvanceUntilAsync(() => Served(publisher).Contains("Stored by another node"), CheckEvery, 3, "the change rendered");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(0, host.Requests(host.A));
        Assert.Empty(host.Logged("Polling"));
        Assert.False(Directory.Exists(host.Folder.Output) && Directory.EnumerateFiles(host.Folder.Output).Any());
    }

    [Fact]
    public async Task A_store_that_fails_is_logged_as_an_error_on_every_pass_and_the_node_keeps_going()
    {
        await using var host = await JobHost.CreateAsync(brokenStore: true);
        var loop = host.Create<ClusterNodeLoop>(NodeRoles.All);

        await loop.StartAsync(CancellationToken.None);
        await host.EventuallyAsync(() => host.Logged("Polling: the store failed").Count == 1, "the poll's failure");
        await host.AdvanceUntilAsync(
            () => host.Logged("Polling: the store failed").Count >= 2 && host.Logged("Publishing: the store failed").Count >= 1,
            CheckEvery, 3, "the next pass failing in turn, and the refresh");
        await loop.StopAsync(CancellationToken.None);

        var failures = host.Logged("the store failed");
        Assert.All(failures, f => Assert.Equal(LogLevel.Error, f.Level));
        Assert.All(failures, f => Assert.IsAssignableFrom<System.Data.Common.DbException>(f.Exception));
        Assert.Contains(failures, f => f.Message == "Publishing: the store failed; serving the last rendering");
        Assert.Contains(failures, f => f.Message == "Polling: the store failed; the next run tries again");
    }

    [Fact]
    public async Task Stopping_a_poll_node_that_waits_for_another_pass_ends_the_wait_and_says_so()
    {
        await using var host = await JobHost.CreateAsync();
        await host.SubscribeAsync(host.Slow);
        // A pass already under way in this process (a forced poll), held by its slow fetch.
        var other = host.Services.GetRequiredService<PollCycle>().RunAsync(force: true, CancellationToken.None);
        await host.EventuallyAsync(() => host.Requests(host.Slow) == 1, "the other pass fetching");
        var loop = host.Create<ClusterNodeLoop>(PollOnly);
        await loop.StartAsync(CancellationToken.None);
        await Task.Delay(300);

        await loop.StopAsync(CancellationToken.None);

        var stopped = Assert.Single(host.Logged("Polling: stopped by shutdown"));
        Assert.Equal(LogLevel.Information, stopped.Level);
        host.Release();
        Assert.Equal(1, (await other).Polled);
        Assert.Equal(1, host.Requests(host.Slow));
    }

    private static Article Article(string key, string title) =>
        new() { Key = key, Title = title, Url = "https://a.example/" + key[5..], Published = JobHost.Start, ContentHash = key };

    private static string Served(FeedPublisher publisher) =>
        publisher.Current is { } snapshot ? Encoding.UTF8.GetString(snapshot.Documents["feed.json"].Content) : "";
}
