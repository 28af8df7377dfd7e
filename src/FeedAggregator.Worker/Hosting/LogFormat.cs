using Microsoft.Extensions.Configuration;

namespace FeedAggregator.Worker.Hosting;

/// <summary><c>Logging:Format</c>: <c>text</c> (the default: one line per message) or <c>json</c> (one JSON object per line).</summary>
internal static class LogFormat
{
    public const string Key = "Logging:Format";

    /// <summary>True for json; an InvalidOperationException naming the key for anything but text or json.</summary>
    public static bool IsJson(IConfiguration configuration) => configuration[Key]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => false,
        "json" => true,
        var other => throw new InvalidOperationException($"configuration: {Key} must be 'text' or 'json' (got '{other}')."),
    };
}
