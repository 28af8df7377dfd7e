using FeedAggregator.Processing;
using FeedAggregator.Refreshing;
using FeedAggregator.Worker.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>Verbs that serve nothing run in a plain host: the pipeline, and nothing that starts a server, a schedule or a thread.</summary>
public sealed class CliHostTests
{
    [Fact]
    public async Task The_cli_host_has_the_pipeline_but_no_server_schedule_hosted_service_or_console_logger()
    {
        var host = FeedAggHost.CreateCliHost(["--Processing:MaxEntryTime=00:00:05"]);
        await using var disposal = (IAsyncDisposable)host;

        Assert.NotNull(host.Services.GetService<PollCycle>());
        Assert.Null(host.Services.GetService<IServer>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
        Assert.Empty(host.Services.GetServices<ILoggerProvider>().OfType<ConsoleLoggerProvider>());
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<ProcessingOptions>>().Value.MaxEntryTime);
    }

    [Fact]
    public void The_service_host_keeps_its_server_and_schedule()
    {
        var builder = FeedAggHost.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService));
    }
}
