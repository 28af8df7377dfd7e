using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker;

/// <summary>The start-up trim waits for the host to have started and for the settle time, runs once, and never holds up a stop.</summary>
public sealed class IdleMemoryTrimTests : IDisposable
{
    private readonly Lifetime _lifetime = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly IdleMemoryTrim _trim;

    public IdleMemoryTrimTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs));
        _trim = new IdleMemoryTrim(_lifetime, _time, _loggerFactory.CreateLogger<IdleMemoryTrim>());
    }

    public void Dispose()
    {
        _trim.Dispose();
        _loggerFactory.Dispose();
        _lifetime.Dispose();
    }

    private bool Trimmed => _logs.Entries.Any(e => e.Message.StartsWith("Memory: trimmed", StringComparison.Ordinal));

    [Fact]
    public async Task Trims_once_no_sooner_than_the_settle_time_after_the_host_has_started()
    {
        await _trim.StartAsync(CancellationToken.None);
        _time.Advance(IdleMemoryTrim.Settle * 2);
        await Task.Yield();
        Assert.False(_trim.ExecuteTask!.IsCompleted); // the clock alone does not start it

        _lifetime.Started.Cancel();
        var waited = TimeSpan.Zero;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!_trim.ExecuteTask.IsCompleted && !cancel.IsCancellationRequested)
        {
            Assert.False(Trimmed);
            _time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(20, CancellationToken.None);
        }

        await _trim.ExecuteTask.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(waited >= IdleMemoryTrim.Settle, $"trimmed {waited} after the start");
        var trimmed = Assert.Single(_logs.Entries, e => e.Message.StartsWith("Memory: trimmed", StringComparison.Ordinal));
        Assert.Contains("WorkingSetBefore", trimmed.Properties.Keys);
        Assert.Contains("WorkingSetAfter", trimmed.Properties.Keys);
    }

    [Fact]
    public async Task A_stop_before_the_trim_ends_it_quietly()
    {
        await _trim.StartAsync(CancellationToken.None);
        _lifetime.Started.Cancel();

        await _trim.StopAsync(CancellationToken.None);

        Assert.True(_trim.ExecuteTask!.IsCompleted);
        Assert.False(_trim.ExecuteTask.IsFaulted); // canceled or returned, as a stop may come before it runs
        Assert.False(Trimmed);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }

        public void Dispose() => Started.Dispose();
    }
}
