using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Support;

/// <summary>
/// The service as <c>feedagg run</c> builds it (Program, the CLI, RunCommand.Build: the real
/// endpoints, hosted services and Quartz registration), in memory on a TestServer, pointed at a
/// <see cref="ScratchFolder"/>. Extra settings override configuration keys; a time provider, when
/// given, replaces the clock of the store, the pipeline and the scheduler alike.
/// </summary>
internal sealed class ServiceFactory(
    ScratchFolder folder, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null) : WebApplicationFactory<Program>
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // App configuration, not UseSetting: host settings reach Program as arguments, which the CLI parses.
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            folder.Settings.Concat(settings ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (time is not null)
                services.AddSingleton(time);
        });
    }
}
