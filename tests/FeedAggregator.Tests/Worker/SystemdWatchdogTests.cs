using System.Net.Sockets;
using System.Text;
using FeedAggregator.Fetching;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Worker;

/// <summary>
/// The watchdog speaks systemd's notify protocol to a real datagram socket (NOTIFY_SOCKET), through
/// Microsoft.Extensions.Hosting.Systemd's notifier: pings arrive while the service is healthy and
/// stop when the store is unavailable or the poll job shows no life.
/// </summary>
public sealed class SystemdWatchdogTests : IAsyncLifetime
{
    private static readonly Lock EnvironmentGate = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "feedagg-wd", Guid.NewGuid().ToString("N")[..12]);
    private Socket _socket = null!;
    private TempDatabase _db = null!;
    private ServiceProvider _quartz = null!;
    private ISchedulerFactory _schedulers = null!;
    private IScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_dir, "notify")));
        _socket.ReceiveTimeout = 30_000;
        _db = await TempDatabase.CreateAsync();
        _quartz = new ServiceCollection().AddLogging().AddQuartz().BuildServiceProvider();
        _schedulers = _quartz.GetRequiredService<ISchedulerFactory>();
        _scheduler = await _schedulers.GetScheduler();
        await _scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await _scheduler.Shutdown();
        await _quartz.DisposeAsync();
        _socket.Dispose();
        await _db.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Pings_arrive_at_half_the_interval_while_healthy()
    {
        using var watchdog = Watchdog(TimeProvider.System, TimeSpan.FromMilliseconds(200));
        await watchdog.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal("WATCHDOG=1", Receive());
        }
        finally
        {
            await watchdog.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Pings_stop_when_the_store_is_unavailable_and_resume_when_it_answers_again()
    {
        using var watchdog = Watchdog(TimeProvider.System, TimeSpan.FromSeconds(1));
        Assert.True(await watchdog.BeatAsync(CancellationToken.None));
        Assert.Equal("WATCHDOG=1", Receive());

        // The database file becomes something SQLite cannot read, as when its disk fails.
        var path = _db.Connections.DatabasePath;
        _db.Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(path, path + ".saved");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        for (var i = 0; i < 3; i++)
        {
            Assert.False(await watchdog.BeatAsync(CancellationToken.None));
            Assert.Equal(0, _socket.Available); // the notifier sends synchronously: nothing was sent
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(path + ".saved", path, overwrite: true);
        Assert.True(await watchdog.BeatAsync(CancellationToken.None));
        Assert.Equal("WATCHDOG=1", Receive());
    }

    [Fact]
    public async Task Pings_stop_when_the_poll_job_has_shown_no_life_within_its_expected_interval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var heartbeat = new SchedulerHeartbeat(time);
        using var watchdog = Watchdog(time, TimeSpan.FromSeconds(1), heartbeat);
        var health = Health(time, heartbeat);

        time.Advance(health.LateAfter - TimeSpan.FromSeconds(1));
        Assert.True(await watchdog.BeatAsync(CancellationToken.None));
        Assert.Equal("WATCHDOG=1", Receive());

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await watchdog.BeatAsync(CancellationToken.None));
        Assert.Equal(0, _socket.Available);
        Assert.StartsWith("late:", (await health.CheckAsync(CancellationToken.None)).Scheduler, StringComparison.Ordinal);

        heartbeat.Beat(); // a feed stored: alive again
        Assert.True(await watchdog.BeatAsync(CancellationToken.None));
        Assert.Equal("WATCHDOG=1", Receive());
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "self", 30.0)]
    [InlineData("30000000", "1", null)] // another process's watchdog
    [InlineData(null, null, null)]
    [InlineData("x", null, null)]
    public void The_interval_is_systemds_for_this_process_only(string? usec, string? pid, double? seconds)
    {
        var interval = WatchdogInterval.From(usec, pid == "self" ? "4242" : pid, 4242);
        Assert.Equal(seconds, interval.Value?.TotalSeconds);
    }

    private SystemdWatchdog Watchdog(TimeProvider time, TimeSpan interval, SchedulerHeartbeat? heartbeat = null) =>
        new(Notifier(), Health(time, heartbeat ?? new SchedulerHeartbeat(time)), new WatchdogInterval(interval), time, NullLogger<SystemdWatchdog>.Instance);

    private ServiceHealth Health(TimeProvider time, SchedulerHeartbeat heartbeat) =>
        new(_db.Feeds, _schedulers, heartbeat, Options.Create(new PollingOptions()), Options.Create(new FetchingOptions()), time);

    // The real notifier reads NOTIFY_SOCKET when it is made: set only for that moment.
    private SystemdNotifier Notifier()
    {
        lock (EnvironmentGate)
        {
            var before = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", Path.Combine(_dir, "notify"));
            try
            {
                return new SystemdNotifier();
            }
            finally
            {
                Environment.SetEnvironmentVariable("NOTIFY_SOCKET", before);
            }
        }
    }

    private string Receive()
    {
        var buffer = new byte[256];
        var length = _socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
