using System.Diagnostics;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// What the job tests' harnesses share: the loopback origin with /a.rss (two items of 5 and 4
/// January 2026) and /b.json (two of 6 and 3 January), and moving a fake clock on until something
/// the scheduler or a loop does is seen.
/// </summary>
internal static class JobFeeds
{
    public static Task<LocalHttpServer> StartOriginAsync(Action<IEndpointRouteBuilder> moreRoutes) =>
        LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/a.rss", () => Results.File(TestFiles.Path("Worker", "tech.rss"), "application/rss+xml"));
            routes.MapGet("/b.json", () => Results.File(TestFiles.Path("Worker", "world.json"), "application/feed+json"));
            moreRoutes(routes);
        });

    public static Subscription A(LocalHttpServer origin) => new(origin.Url("/a.rss").AbsoluteUri, "Feed A");

    public static Subscription B(LocalHttpServer origin) => new(origin.Url("/b.json").AbsoluteUri, "Feed B");

    public static int Requests(LocalHttpServer origin, Subscription feed) => origin.RequestsTo(new Uri(feed.Url).AbsolutePath).Count;

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving <paramref name="time"/> on by <paramref name="step"/>
    /// whenever it has not held within <paramref name="settle"/> of real time (a scheduler or loop
    /// registers its next wait only once a run ends); after <paramref name="steps"/> steps it waits
    /// up to 30 s more (a loaded machine), then fails.
    /// </summary>
    public static async Task AdvanceUntilAsync(
        FakeTimeProvider time, Func<Task<bool>> condition, TimeSpan step, int steps, TimeSpan settle, string what)
    {
        for (var i = 0; i <= steps; i++)
        {
            var waited = Stopwatch.StartNew();
            var window = i < steps ? settle : TimeSpan.FromSeconds(30);
            while (waited.Elapsed < window)
            {
                if (await condition())
                    return;
                await Task.Delay(20);
            }

            if (i < steps)
                time.Advance(step);
        }

        Assert.Fail($"{what}: not seen after {steps} steps of {step} (now {time.GetUtcNow():u})");
    }
}
