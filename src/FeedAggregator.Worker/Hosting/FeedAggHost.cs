using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace FeedAggregator.Worker.Hosting;

/// <summary>Builds the host every verb runs in: configuration, logging, and the pipeline's services.</summary>
internal static class FeedAggHost
{
    /// <param name="configArgs">Configuration overrides from the command line (<c>--Section:Key=value</c>, <c>--urls URL</c>).</param>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> configArgs, bool quietConsole = false)
    {
        var contentRoot = ContentRoot.Locate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            Args = [.. configArgs],
        });

        // The bundled defaults live in config/, so the sources are laid out anew, lowest first.
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        configuration.AddEnvironmentVariables("DOTNET_");
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddJsonFile(Path.Combine(contentRoot, ContentRoot.SettingsFile), optional: false, reloadOnChange: false);
        configuration.AddJsonFile(
            Path.Combine(contentRoot, $"config/appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. configArgs]);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        if (quietConsole)
        {
            // CLI verbs print their results on stdout: logs go to stderr, warnings and up.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // A provider-specific rule beats the Logging section's category rules.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        builder.Services.AddSystemd();
        builder.Services.AddFeedAggregator(builder.Configuration, contentRoot);
        return builder;
    }
}
