using System.Reflection;

namespace FeedAggregator.Publishing.Writers;

/// <summary>The name and version the documents credit as their generator.</summary>
internal static class GeneratorInfo
{
    public const string Name = "FeedAggregator";

    /// <summary>The assembly's informational version without the "+commit" suffix the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    public static string NameAndVersion => $"{Name} {Version}";

    private static string ReadVersion()
    {
        var assembly = typeof(GeneratorInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
