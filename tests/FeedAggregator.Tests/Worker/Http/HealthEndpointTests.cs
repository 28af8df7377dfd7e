using System.Net;
using System.Text.Json;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>/health: 200 while the store and the scheduler work, 503 with the cause otherwise.</summary>
[Collection(ServedFeedsCollection.Name)]
public sealed class HealthEndpointTests(ServedFeeds served)
{
    [Fact]
    public async Task Answers_200_with_the_store_and_scheduler_ok_and_counts_the_failing_feed_without_becoming_unhealthy()
    {
        var (status, root) = await HealthAsync(served.Client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal("ok", root.GetProperty("store").GetString());
        Assert.Equal("ok", root.GetProperty("scheduler").GetString());
        Assert.Equal(3, root.GetProperty("feeds").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("feeds").GetProperty("failing").GetInt32());
    }

    [Fact]
    public async Task Answers_503_naming_the_scheduler_when_it_stands_by()
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();
        await using var service = new ServiceFactory(folder);
        var client = service.CreateClient();
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The scheduler starts once the host has started: wait for it, or it would start after the standby.
        await WaitForAsync(async () => (await HealthAsync(client)).Status == HttpStatusCode.OK);

        await scheduler.Standby();
        var (status, root) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        Assert.Equal("ok", root.GetProperty("store").GetString());
        Assert.Equal("standby", root.GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task Answers_503_naming_the_store_when_the_database_cannot_be_opened()
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();
        await using var service = new ServiceFactory(folder);
        var client = service.CreateClient();

        await WaitForAsync(async () => (await HealthAsync(client)).Status == HttpStatusCode.OK);

        // The file is overwritten in place (a job may open it at any moment, so it is never removed).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllBytes(folder.Database, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        foreach (var journal in new[] { folder.Database + "-wal", folder.Database + "-shm" })
            File.Delete(journal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (status, root) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        Assert.StartsWith("error: ", root.GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.Contains("not a database", root.GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", root.GetProperty("scheduler").GetString());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
            await Task.Delay(50, deadline.Token);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
