using System.Text.RegularExpressions;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>backup PATH</c> and <c>restore PATH</c> of a folder's SQLite store, and when they refuse.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BackupCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public BackupCommandTests()
    {
        _folder.WriteOpml();
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(_folder.Seeds, "001.txt"));
        File.Copy(TestFiles.Path("Stories", "other-en-profile.txt"), Path.Combine(_folder.Seeds, "002.txt"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_backup_restored_into_an_empty_folder_brings_the_articles_back()
    {
        Assert.Equal(0, (await _folder.RunAsync("seed")).ExitCode);
        var copy = _folder.PathOf("copy.db");
        using var other = new ScratchFolder();
        other.WriteOpml();

        var backup = await _folder.RunAsync("backup", copy);
        var restore = await other.RunAsync("restore", copy);
        var again = await other.RunAsync("restore", copy);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        var said = Assert.Single(backup.Lines);
        Assert.Matches($@"^backed up {Regex.Escape(_folder.Database)} to {Regex.Escape(copy)}: [\d,]+ bytes, 1 feeds, 2 articles, integrity_check ok$", said);
        Assert.Equal(new FileInfo(copy).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Regex.Match(said, @": ([\d,]+) bytes").Groups[1].Value);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal([$"restored {other.Database} from {copy}: 1 feeds, 2 articles"], restore.Lines);
        Assert.Equal([$"restored {other.Database} from {copy}: 1 feeds, 2 articles; the database it replaced is kept as {other.Database}.before-restore"], again.Lines);
    }

    [Fact]
    public async Task Restore_refuses_while_the_service_holds_the_database_and_leaves_it_alone()
    {
        Assert.Equal(0, (await _folder.RunAsync("seed")).ExitCode);
        var copy = _folder.PathOf("copy.db");
        Assert.Equal(0, (await _folder.RunAsync("backup", copy)).ExitCode);

        CliResult result;
        using (DatabaseLock.HoldShared(_folder.Database))
            result = await _folder.RunAsync("restore", copy);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            $"feedagg: restore: {_folder.Database} is in use by the service (or another feedagg process holds {_folder.Database}.lock); " +
            $"stop it first (systemctl stop feedagg), then restore.{Environment.NewLine}", result.Error);
        Assert.Empty(result.Out);
        Assert.False(File.Exists(_folder.Database + ".before-restore"));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Both_refuse_a_store_that_is_not_sqlite_and_point_at_its_own_tools(string verb)
    {
        var result = await _folder.RunAsync(verb, _folder.PathOf("copy.db"), "--Storage:Provider=postgres", "--Storage:ConnectionString=Host=127.0.0.1;Port=1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            "feedagg: backup and restore copy the SQLite store; Storage:Provider is 'postgres': use its own tools " +
            $"(PostgreSQL: pg_dump and pg_restore, see the README).{Environment.NewLine}", result.Error);
        Assert.False(File.Exists(_folder.PathOf("copy.db")));
    }

    [Fact]
    public async Task The_sqlite_provider_is_recognised_in_any_case()
    {
        Assert.Equal(0, (await _folder.RunAsync("seed")).ExitCode);

        var result = await _folder.RunAsync("backup", _folder.PathOf("copy.db"), "--Storage:Provider=SQLite");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(_folder.PathOf("copy.db")));
    }
}
