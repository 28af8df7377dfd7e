using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// Builds the host a verb runs in: the web host for the service, a plain one (no Kestrel, no file
/// watchers, no logger thread) for the verbs that serve nothing. Both read the same configuration
/// and register the same pipeline.
/// </summary>
internal static class FeedAggHost
{
    /// <summary>The service: configuration, console logs, the pipeline, the schedule and the web server.</summary>
    /// <param name="configArgs">Configuration overrides from the command line (<c>--Section:Key=value</c>, <c>--urls URL</c>).</param>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> configArgs)
    {
        var contentRoot = ContentRoot.Locate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            Args = [.. configArgs],
        });
        AddSources(builder.Configuration, contentRoot, builder.Environment.EnvironmentName, configArgs);
        builder.Logging.ClearProviders();
        var json = LogFormat.IsJson(builder.Configuration);
        if (json)
        {
            // The message's own properties (FeedUrl, FeedId, HttpStatus...) are the "State" object of each line.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        // Under systemd this picks the journal's text format; json stays json (one object per line for jq).
        builder.Services.AddSystemd();
        if (json)
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        builder.Services.AddFeedAggregator(builder.Configuration, contentRoot);
        return builder;
    }

    /// <summary>
    /// A one-shot verb: the same configuration and pipeline, without the web server, the schedule or
    /// hosted services. It prints its results on stdout; warnings and errors go to stderr as they happen.
    /// </summary>
    public static IHost CreateCliHost(IReadOnlyList<string> configArgs)
    {
        var contentRoot = ContentRoot.Locate();
        var configuration = new ConfigurationManager();
        // The environment's name is read the way the web host reads it: DOTNET_, ASPNETCORE_, then --environment.
        configuration.AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine([.. configArgs]);
        var environment = configuration[HostDefaults.EnvironmentKey] is { Length: > 0 } name ? name : Environments.Production;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = environment,
            Configuration = configuration,
        });
        AddSources(builder.Configuration, contentRoot, environment, configArgs);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(new StandardErrorLoggerProvider());
        builder.Logging.AddFilter<StandardErrorLoggerProvider>(null, LogLevel.Warning);
        builder.Services.AddFeedAggregatorCore(builder.Configuration, contentRoot);
        return builder.Build();
    }

    /// <summary>The bundled defaults live in config/, so the sources are laid out anew, lowest first; none is watched.</summary>
    private static void AddSources(ConfigurationManager configuration, string contentRoot, string environment, IReadOnlyList<string> configArgs)
    {
        configuration.Sources.Clear();
        configuration.AddEnvironmentVariables("DOTNET_");
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddJsonFile(Path.Combine(contentRoot, ContentRoot.SettingsFile), optional: false, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(contentRoot, $"config/appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. configArgs]);
    }
}
