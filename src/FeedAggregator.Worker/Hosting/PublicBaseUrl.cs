namespace FeedAggregator.Worker.Hosting;

/// <summary>The address feed self links are built on: configured, else the first address listened on.</summary>
internal static class PublicBaseUrl
{
    public const string Default = "http://localhost:5080/";

    public static string From(string? configured, string? urls)
    {
        var candidate = !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? Default;
        // Kestrel accepts wildcard hosts that no reader can reach: name the machine instead.
        candidate = candidate.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return candidate.EndsWith('/') ? candidate : candidate + "/";
    }
}
