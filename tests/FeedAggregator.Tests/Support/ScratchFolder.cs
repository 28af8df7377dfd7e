using FeedAggregator.Model;
using FeedAggregator.Subscriptions;

namespace FeedAggregator.Tests.Support;

/// <summary>
/// A temp folder holding everything one run of the service or a CLI verb writes: the database,
/// the OPML file, the published files and a seed folder (empty unless a test adds documents).
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        System.IO.Directory.CreateDirectory(Seeds);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "feedagg-worker-tests", Guid.NewGuid().ToString("N"));
    public string Database => Path.Combine(Directory, "feedagg.db");
    public string Opml => Path.Combine(Directory, "feeds.opml");
    public string Output => Path.Combine(Directory, "public");
    public string Seeds => Path.Combine(Directory, "seeds");

    /// <summary>The configuration that points a run here, as command-line overrides.</summary>
    public IReadOnlyList<string> Args =>
    [
        $"--Storage:Database={Database}",
        $"--Feeds:File={Opml}",
        $"--Seeds:Directory={Seeds}",
        $"--Publishing:OutputDirectory={Output}",
    ];

    /// <summary>The same as configuration keys and values.</summary>
    public IReadOnlyDictionary<string, string> Settings => Args.Select(a => a[2..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Runs <c>feedagg ARGS</c> in process against this folder.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync([.. Args, .. args]); // the test's own overrides win

    public void WriteOpml(params Subscription[] subscriptions) => OpmlFile.Write(Opml, subscriptions);

    public IReadOnlyList<Subscription> ReadOpml() => OpmlFile.Read(Opml);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing host: the OS cleans the temp folder.
        }
    }
}
