using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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

        await Job(app, Now.AddDays(29)).RunAsync(CancellationToken.None);
        Assert.Single(await feeds.ListRemovedAsync(CancellationToken.None));

        await Job(app, Now.AddDays(31)).RunAsync(CancellationToken.None);
        Assert.Empty(await feeds.ListRemovedAsync(CancellationToken.None));
        Assert.Empty(await articles.CountByFeedAsync(CancellationToken.None));
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

    private static RetentionJob Job(WebApplication app, DateTimeOffset? now = null) =>
        ActivatorUtilities.CreateInstance<RetentionJob>(app.Services, (TimeProvider)new FakeTimeProvider(now ?? Now));
}
