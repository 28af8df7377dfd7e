namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// Where relative paths in the configuration start from: the current folder when it holds the
/// bundled config (a clone of the repository), else the folder of the executable (a published
/// install), so the same defaults work from both.
/// </summary>
internal static class ContentRoot
{
    public const string SettingsFile = "config/appsettings.json";

    public static string Locate()
    {
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, SettingsFile)))
            return current;
        var installed = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(installed, SettingsFile)) ? installed : current;
    }

    /// <summary>An absolute path: <paramref name="path"/> as is when rooted, else under <paramref name="root"/>.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}
