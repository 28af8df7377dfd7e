using Microsoft.Extensions.Hosting;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Worker;

/// <summary>What works on the store starts in the host's "started" step, in order, and stops in reverse.</summary>
public sealed class StartedWhenReadyTests
{
    [Fact]
    public async Task Its_services_start_in_the_started_step_in_order_and_stop_in_reverse()
    {
        var log = new List<string>();
        var services = new StartedWhenReady([new Recording("scheduler", log), new Recording("watchdog", log)]);

        await services.StartingAsync(CancellationToken.None);
        await services.StartAsync(CancellationToken.None);
        Assert.Empty(log);

        await services.StartedAsync(CancellationToken.None);
        await services.StoppingAsync(CancellationToken.None);
        await services.StopAsync(CancellationToken.None);
        await services.StoppedAsync(CancellationToken.None);

        Assert.Equal(["start scheduler", "start watchdog", "stop watchdog", "stop scheduler"], log);
    }

    private sealed class Recording(string name, List<string> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.Add("start " + name);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            log.Add("stop " + name);
            return Task.CompletedTask;
        }
    }
}
