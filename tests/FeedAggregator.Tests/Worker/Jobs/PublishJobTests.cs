using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Worker.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// PublishJob as Quartz runs it, every 30 seconds on the fake clock: a change to the store made
/// outside a poll (a CLI command, another process) reaches the merged feed without waiting for one.
/// </summary>
public sealed class PublishJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_change_made_outside_a_poll_is_published_by_the_next_publish_run()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start();
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");
        var feed = (await service.Services.GetRequiredService<IFeedStore>().ListAsync(CancellationToken.None)).Single(f => f.Url == service.A.Url);

        await service.Services.GetRequiredService<IArticleStore>().SaveAsync(feed,
            [new Article { Key = "guid:outside", Title = "Added from outside", Url = "https://a.example/outside", Published = Start, ContentHash = "o" }],
            Start, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Added from outside", await Titles(service)); // served from the last rendering

        service.Time.Advance(TimeSpan.FromSeconds(30)); // the publish job's turn; the poll job's is a minute
        await service.WaitUntilAsync(async () => (await Titles(service)).Contains("Added from outside"), "the change published");
        Assert.Equal(1, service.Requests(service.A));
    }

    private static Task<IReadOnlyList<string>> Titles(ScheduledService service) => HttpAssert.ItemTitlesAsync(service.Client, "/feed.json");
}
