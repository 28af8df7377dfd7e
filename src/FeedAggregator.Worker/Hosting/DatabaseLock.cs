namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// Who holds the database, told by an advisory lock (flock) on a file beside it,
/// <c>DATABASE.lock</c>: the service holds it shared for as long as it runs; <c>feedagg restore</c>
/// takes it exclusive, so it cannot start while the service runs, and the service cannot start
/// while a restore runs. The kernel drops the lock when the process ends, however it ends, so
/// a crash leaves no stale lock behind. .NET takes it from FileShare: None is exclusive, any
/// other sharing is shared (DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns this off).
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathOf(string database) => database + ".lock";

    /// <summary>Holds the lock shared; an IOException that says why when a restore holds it.</summary>
    public static DatabaseLock HoldShared(string database)
    {
        try
        {
            return new DatabaseLock(Open(database, FileShare.ReadWrite));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException($"storage: {database} is being restored (feedagg restore holds {PathOf(database)}); start again when it has ended.", ex);
        }
    }

    /// <summary>Holds the lock exclusively, or returns null when another process (the service) holds it.</summary>
    public static DatabaseLock? TryHoldExclusive(string database)
    {
        try
        {
            return new DatabaseLock(Open(database, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();

    private static FileStream Open(string database, FileShare share)
    {
        var path = PathOf(database);
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        // Read access: a shared lock on a file opened for writing is skipped on network file systems.
        return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, share);
    }
}
