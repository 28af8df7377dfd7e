using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>The retention job as the service builds it: old articles go, tombstones keep them gone.</summary>
public sealed class RetentionJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly Article[] Polled =
    [
        new() { Key = "guid:old", Title = "Old", Url = "https://a.example/old", Published = Now.AddDays(-40), ContentHash = "o" },
        new() { Key = "guid:new", Title = "New", Url = "https://a.example/new", Published = Now.AddDays(-1), ContentHash = "n" },
    ];

    [Fact]
    public async Task Articles_older_than_the_maximum_age_are_removed_stay_removed_and_leave_the_published_files()
    {
        using var folder = new ScratchFolder();
        await using var app = await BuildAsync(folder, "30.00:00:00");
        var (articles, feed) = await SaveAsync(app);
        await app.Services.GetRequiredService<FeedPublisher>().PublishAsync(CancellationToken.None, force: true);
        Assert.Contains(">Old<", File.ReadAllText(Path.Combine(folder.Output, "feed.atom")), StringComparison.Ordinal);

        using var measured = FeedAggregator.Tests.Support.Measured.Collect<long>(app.Services, "feedagg.articles");
        await Job(app).RunAsync(CancellationToken.None);
        var again = await articles.SaveAsync(feed, Polled, Now.AddHours(1), CancellationToken.None);

        Assert.Equal(["New"], (await articles.GetNewestAsync(10, CancellationToken.None)).Select(r => r.Article.Title));
        Assert.Equal(0, again.Added);
        Assert.Equal(1, FeedAggregator.Tests.Support.Measured.Sum(measured, ("change", "removed")));
        Assert.DoesNotContain(">Old<", File.ReadAllText(Path.Combine(folder.Output, "feed.atom")), StringComparison.Ordinal); // published at once
    }

    [Fact]
    public async Task An_article_younger_than_the_maximum_age_stays_even_past_the_count_kept_per_feed()
    {
        using var folder = new ScratchFolder();
        await using var app = await BuildAsync(folder, "30.00:00:00");
        var (articles, feed) = await SaveAsync(app);
        await articles.SaveAsync(feed,
            [new Article { Key = "guid:recent", Title = "Recent", Url = "https://a.example/recent", Published = Now.AddDays(-2), ContentHash = "r" }],
            Now, CancellationToken.None);

        await Job(app).RunAsync(CancellationToken.None);

        // Only "Old" is past both the age and the one kept per feed; "Recent" is past the count alone.
        Assert.Equal(["New", "Recent"], (await articles.GetNewestAsync(10, CancellationToken.None)).Select(r => r.Article.Title));
    }

    [Fact]
    public async Task A_maximum_age_of_zero_keeps_everything()
    {
        using var folder = new ScratchFolder();
        await using var app = await BuildAsync(folder, "00:00:00");
        var (articles, _) = await SaveAsync(app);

        await Job(app).RunAsync(CancellationToken.None);

        Assert.Equal(2, (await articles.GetNewestAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Feeds_removed_longer_ago_than_the_grace_period_are_purged_with_their_articles()
    {
        using var folder = new ScratchFolder();
        await using var app = await BuildAsync(folder, "30.00:00:00");
        var (articles, _) = await SaveAsync(app);
        var feeds = app.Services.GetRequiredService<IFeedStore>();
        await feeds.SyncSubscriptionsAsync([], Now, CancellationToken.None);

        var logs = new CapturingLoggerProvider();
        await Job(app, Now.AddDays(29), logs).RunAsync(CancellationToken.None);
        Assert.DoesNotContain(logs.Entries, e => e.Message.StartsWith("Retention: purged", StringComparison.Ordinal));
        Assert.Single(await feeds.ListRemovedAsync(CancellationToken.None));

        await Job(app, Now.AddDays(31), logs).RunAsync(CancellationToken.None);
        Assert.Empty(await feeds.ListRemovedAsync(CancellationToken.None));
        Assert.Empty(await articles.CountByFeedAsync(CancellationToken.None));
        // Deleting for good is the operator's to know of: a warning that names the feed and what went.
        var purged = Assert.Single(logs.Entries, e => e.Message.StartsWith("Retention: purged", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, purged.Level);
        Assert.Equal("https://a.example/feed", purged.Properties["FeedUrl"]);
        // The run at day 29 had removed "Old" by age, leaving a tombstone in its place.
        Assert.Equal(1, Convert.ToInt32(purged.Properties["Articles"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(purged.Properties["Tombstones"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<WebApplication> BuildAsync(ScratchFolder folder, string maxAge)
    {
        folder.WriteOpml(new Subscription("https://a.example/feed", "A"));
        // Each feed keeping only its newest: the old one is past both the age and the count.
        var app = RunCommand.Build([.. folder.Args, $"--Retention:MaxAge={maxAge}", "--Retention:KeepPerFeed=1"]);
        await app.Services.GetRequiredService<StartupTasks>().PrepareStoreAsync(CancellationToken.None);
        return app;
    }

    private static async Task<(IArticleStore Articles, Feed Feed)> SaveAsync(WebApplication app)
    {
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var feed = (await app.Services.GetRequiredService<IFeedStore>().ListAsync(CancellationToken.None)).Single();
        await articles.SaveAsync(feed, Polled, Now, CancellationToken.None);
        return (articles, feed);
    }

    private static RetentionJob Job(WebApplication app, DateTimeOffset? now = null, CapturingLoggerProvider? logs = null) =>
        logs is null
            ? ActivatorUtilities.CreateInstance<RetentionJob>(app.Services, (TimeProvider)new FakeTimeProvider(now ?? Now))
            : ActivatorUtilities.CreateInstance<RetentionJob>(
                app.Services, (TimeProvider)new FakeTimeProvider(now ?? Now), LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<RetentionJob>());
}
