using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// The service with its real Quartz registration on a fake clock: Quartz, the poll cycle and the
/// store all read <see cref="Time"/>, so a test moves the schedule by advancing it. Two loopback
/// feeds: /a.rss (two items of 5 and 4 January 2026) and /b.json (two of 6 and 3 January); and
/// a WebSub hub at /hub.
/// </summary>
internal sealed class ScheduledService : IAsyncDisposable
{
    private ServiceFactory? _service;

    private ScheduledService(LocalHttpServer origin, List<string> pings, ScratchFolder folder, DateTimeOffset start)
    {
        Origin = origin;
        Pings = pings;
        Folder = folder;
        Time = new FakeTimeProvider(start);
    }

    public LocalHttpServer Origin { get; }

    /// <summary>The WebSub pings the origin's /hub received, as "MODE TOPIC".</summary>
    public List<string> Pings { get; }
    public ScratchFolder Folder { get; }
    public FakeTimeProvider Time { get; private set; }
    public HttpClient Client { get; private set; } = null!;
    public CapturingLoggerProvider Logs => _service!.Logs;
    public IServiceProvider Services => _service!.Services;
    public Subscription A => JobFeeds.A(Origin);
    public Subscription B => JobFeeds.B(Origin);

    public static async Task<ScheduledService> CreateAsync(DateTimeOffset start)
    {
        var pings = new List<string>();
        var origin = await JobFeeds.StartOriginAsync(routes => routes.MapPost("/hub", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (pings)
                pings.Add($"{form["hub.mode"]} {form["hub.url"]}");
            return Results.NoContent();
        }));
        return new ScheduledService(origin, pings, new ScratchFolder(), start);
    }

    /// <summary>
    /// Starts the service (again, after <see cref="StopAsync"/>), its clock at <paramref name="now"/> if given.
    /// Both feeds are on one host, so Polling:MinHostGap is 0 unless a test sets it: a gap waits on the fake clock.
    /// Every success schedules the next poll 30 minutes on (Min = Max interval), whatever the feeds' posting rate.
    /// </summary>
    public void Start(IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null)
    {
        if (now is { } at)
            Time = new FakeTimeProvider(at);
        var all = new Dictionary<string, string>
        {
            ["Polling:MinHostGap"] = "00:00:00",
            ["Polling:MinInterval"] = "00:30:00",
            ["Polling:MaxInterval"] = "00:30:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        _service = new ServiceFactory(Folder, all, Time);
        Client = _service.CreateClient();
    }

    public async Task StopAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
        _service = null;
    }

    public int Requests(Subscription feed) => JobFeeds.Requests(Origin, feed);

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving the fake clock on by <paramref name="step"/>
    /// whenever the scheduler has had a moment at the current time; fails after <paramref name="steps"/> steps.
    /// </summary>
    public Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step, int steps, string what) =>
        JobFeeds.AdvanceUntilAsync(Time, condition, step, steps, TimeSpan.FromSeconds(3), what);

    /// <summary>Waits (in real time, the clock still) for <paramref name="condition"/>.</summary>
    public Task WaitUntilAsync(Func<Task<bool>> condition, string what) => AdvanceUntilAsync(condition, TimeSpan.Zero, 5, what);

    public bool Logged(string text) => Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Origin.DisposeAsync();
        Folder.Dispose();
    }
}
