namespace FeedAggregator.Publishing;

/// <summary>Writes files so that a reader never sees half of one: a temp file, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> unless the file already holds exactly it; true when written.</summary>
    public static async Task<bool> WriteIfChangedAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        if (File.Exists(path) && new FileInfo(path).Length == content.Length
            && (await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(content))
            return false;

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }

        return true;
    }
}
