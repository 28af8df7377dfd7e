using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker;

/// <summary>The retention job as the service builds it: old articles go, tombstones keep them gone.</summary>
public sealed class RetentionJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "feedagg-retention", Guid.NewGuid().ToString("N"));
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "feeds.opml"),
            """<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/></body></opml>""");
        _app = RunCommand.Build(
        [
            $"--Storage:Database={Path.Combine(_dir, "db.sqlite")}",
            $"--Feeds:File={Path.Combine(_dir, "feeds.opml")}",
            $"--Seeds:Directory={Path.Combine(_dir, "no-seeds")}",
            $"--Publishing:OutputDirectory={Path.Combine(_dir, "public")}",
            "--Retention:MaxAge=30.00:00:00",
        ]);
        await _app.Services.GetRequiredService<StartupTasks>().PrepareStoreAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Articles_older_than_the_maximum_age_are_removed_and_stay_removed()
    {
        var articles = _app.Services.GetRequiredService<IArticleStore>();
        var feed = (await _app.Services.GetRequiredService<IFeedStore>().ListAsync(CancellationToken.None)).Single();
        Article[] polled =
        [
            new() { Key = "guid:old", Title = "Old", Url = "https://a.example/old", Published = Now.AddDays(-40), ContentHash = "o" },
            new() { Key = "guid:new", Title = "New", Url = "https://a.example/new", Published = Now.AddDays(-1), ContentHash = "n" },
        ];
        await articles.SaveAsync(feed, polled, Now, CancellationToken.None);

        using var measured = FeedAggregator.Tests.Diagnostics.Measured.Collect<long>(_app.Services, "feedagg.articles");
        var job = ActivatorUtilities.CreateInstance<RetentionJob>(_app.Services, (TimeProvider)new FakeTimeProvider(Now));
        await job.RunAsync(CancellationToken.None);
        var again = await articles.SaveAsync(feed, polled, Now.AddHours(1), CancellationToken.None);

        Assert.Equal(["New"], (await articles.GetNewestAsync(10, CancellationToken.None)).Select(r => r.Article.Title));
        Assert.Equal(0, again.Added);
        Assert.Equal(1, FeedAggregator.Tests.Diagnostics.Measured.Sum(measured, ("change", "removed")));
    }

    [Fact]
    public async Task Feeds_removed_longer_ago_than_the_grace_period_are_purged_with_their_articles()
    {
        var feeds = _app.Services.GetRequiredService<IFeedStore>();
        var articles = _app.Services.GetRequiredService<IArticleStore>();
        var feed = (await feeds.ListAsync(CancellationToken.None)).Single();
        await articles.SaveAsync(feed, [new() { Key = "guid:a", Title = "A", Published = Now, ContentHash = "a" }], Now, CancellationToken.None);
        await feeds.SyncSubscriptionsAsync([], Now, CancellationToken.None);

        var early = ActivatorUtilities.CreateInstance<RetentionJob>(_app.Services, (TimeProvider)new FakeTimeProvider(Now.AddDays(29)));
        await early.RunAsync(CancellationToken.None);
        Assert.Single(await feeds.ListRemovedAsync(CancellationToken.None));

        var late = ActivatorUtilities.CreateInstance<RetentionJob>(_app.Services, (TimeProvider)new FakeTimeProvider(Now.AddDays(31)));
        await late.RunAsync(CancellationToken.None);
        Assert.Empty(await feeds.ListRemovedAsync(CancellationToken.None));
        Assert.Empty(await articles.CountByFeedAsync(CancellationToken.None));
    }
}
