using System.Text.RegularExpressions;
using FeedAggregator.Storage.Postgres;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// <c>migrate --to postgres [--connection CS]</c>: the SQLite store of a folder copied into a
/// PostgreSQL schema of its own (those tests are skipped without FEEDAGG_TEST_POSTGRES, as the
/// store tests are), and the refusals that come before anything is opened.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class MigrateCommandTests : IDisposable
{
    private static readonly string[] CopiedTables = ["feeds", "hosts", "articles", "story_buckets", "tombstones", "websub_subscriptions"];

    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Option '--to' is required")]
    [InlineData("Argument 'mysql' not recognized. Must be one of:", "--to", "mysql")]
    public async Task The_target_provider_is_required_and_only_postgres_is_accepted(string message, params string[] args)
    {
        var result = await _folder.RunAsync(["migrate", .. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("feedagg: " + message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Database));
    }

    [Theory]
    // --connection wins over Storage:ConnectionString; a blank one leaves the configured one in force.
    [InlineData("Database=x", "Host=db.example", "names no Host.")]
    [InlineData(null, "Database=x", "names no Host.")]
    [InlineData("   ", "Database=x", "names no Host.")]
    [InlineData(null, "", "is required with Storage:Provider=postgres")]
    [InlineData("Host=db.example;Bogus=1", "", "is not an Npgsql connection string")]
    public async Task An_unusable_connection_string_is_bad_usage_naming_where_it_came_from(string? given, string configured, string problem)
    {
        string[] connection = given is null ? [] : ["--connection", given];

        var result = await _folder.RunAsync(["migrate", "--to", "postgres", .. connection, $"--Storage:ConnectionString={configured}"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("feedagg: the PostgreSQL connection (--connection or Storage:ConnectionString) " + problem, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Without_a_sqlite_store_there_is_nothing_to_copy_and_it_exits_1()
    {
        var result = await _folder.RunAsync("migrate", "--to", "postgres", "--connection", "Host=127.0.0.1;Port=1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"feedagg: no SQLite database at {_folder.Database} (Storage:Database): nothing to copy.{Environment.NewLine}", result.Error);
        Assert.Empty(result.Out);
    }

    [SkippableFact]
    public async Task Copies_every_table_prints_the_checks_side_by_side_and_exits_0()
    {
        await using var postgres = await TempPostgresDatabase.CreateAsync(migrate: false);
        await SqliteStoreAsync();

        var result = await _folder.RunAsync("migrate", "--to", "postgres", "--connection", postgres.ConnectionString);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Lines;
        Assert.Equal($"Copying {_folder.Database} into the {postgres.Connections.Description} ...", lines[0]);
        Assert.Matches(@"^table\s+sqlite rows\s+postgres rows\s+sqlite checksum\s+postgres checksum$", lines[1]);
        var checks = lines.Skip(2).Take(CopiedTables.Length).Select(Check).ToList();
        Assert.Equal(CopiedTables, checks.Select(c => c.Table));
        Assert.All(checks, c => Assert.Equal((c.SourceRows, c.SourceChecksum, "ok"), (c.TargetRows, c.TargetChecksum, c.Verdict)));
        Assert.Equal("2", checks.Single(c => c.Table == "articles").SourceRows);
        Assert.Matches(@"^Verified: every table matches \(\d+\.\d s\)\. Set Storage:Provider=postgres and Storage:ConnectionString to use it\.$", lines[^1]);
        Assert.Equal(CopiedTables.Length + 3, lines.Count);
        // Both schemas are migrated first: the copy landed in tables the PostgreSQL migrator made.
        Assert.Equal(2L, await postgres.ScalarAsync<long>("SELECT count(*) FROM articles"));
        // The progress goes to stderr, so that stdout holds only the result.
        Assert.Contains(result.Error.Split('\n'), l => l.StartsWith("migrate: articles ", StringComparison.Ordinal) && l.Contains("(100%)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_target_that_held_other_rows_is_marked_different_and_exits_1()
    {
        await using var postgres = await TempPostgresDatabase.CreateAsync();
        await SqliteStoreAsync();
        var first = await _folder.RunAsync("migrate", "--to", "postgres", "--connection", postgres.ConnectionString);
        await postgres.ExecuteAsync("UPDATE feeds SET title = 'changed in PostgreSQL'");

        var again = await _folder.RunAsync("migrate", "--to", "postgres", "--connection", postgres.ConnectionString);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(again.ExitCode == 1, again.ToString());
        var checks = again.Lines.Skip(2).Select(Check).ToList();
        Assert.Equal(CopiedTables, checks.Select(c => c.Table));
        Assert.Equal(["feeds"], checks.Where(c => c.Verdict == "DIFFERENT").Select(c => c.Table));
        Assert.DoesNotContain(again.Lines, l => l.StartsWith("Verified", StringComparison.Ordinal));
        Assert.Contains(
            "feedagg: the copy does not match the SQLite store (see DIFFERENT above): the PostgreSQL database held other rows, " +
            "or the SQLite store changed during the copy (stop the service first). Run again into an empty database.",
            again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_one_line_per_table_at_each_tenth_and_at_the_end()
    {
        var (stderr, lines) = (Console.Error, new StringWriter());
        Console.SetError(lines);
        try
        {
            var time = new FakeTimeProvider();
            var progress = new MigrateCommand.ProgressLines(time, time.GetTimestamp());
            foreach (var (copied, total) in new[] { (0L, 1000L), (50, 1000), (99, 1000), (100, 1000), (250, 1000), (999, 1000), (1000, 1000), (1000, 1000) })
                progress.Report(new CopyProgress("articles", copied, total));
            progress.Report(new CopyProgress("tombstones", 0, 0));
            progress.Report(new CopyProgress("tombstones", 0, 0));
            progress.Report(new CopyProgress("websub", 7, 7));
        }
        finally
        {
            Console.SetError(stderr);
        }

        Assert.Equal(
        [
            "migrate: articles                0 of 1000       (0%)     0.0 s",
            "migrate: articles              100 of 1000       (10%)     0.0 s",
            "migrate: articles              250 of 1000       (25%)     0.0 s",
            "migrate: articles              999 of 1000       (99%)     0.0 s",
            "migrate: articles             1000 of 1000       (100%)     0.0 s",
            "migrate: tombstones              0 of 0          (100%)     0.0 s",
            "migrate: websub                  7 of 7          (100%)     0.0 s",
        ], lines.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A SQLite store with two feeds and two articles, made by the CLI as a user would.</summary>
    private async Task SqliteStoreAsync()
    {
        _folder.WriteOpml(new FeedAggregator.Model.Subscription("https://a.example/feed", "A"));
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(_folder.Seeds, "001.txt"));
        File.Copy(TestFiles.Path("Stories", "other-en-profile.txt"), Path.Combine(_folder.Seeds, "002.txt"));
        var seeded = await _folder.RunAsync("seed");
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
    }

    private static TableLine Check(string line)
    {
        var match = CheckLine().Match(line);
        Assert.True(match.Success, $"not a check line: {line}");
        return new TableLine(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value, match.Groups[6].Value);
    }

    [GeneratedRegex(@"^(\S+)\s+(\d+)\s+(\d+)  (\S+)\s+(\S+)\s+(ok|DIFFERENT)$")]
    private static partial Regex CheckLine();

    private sealed record TableLine(string Table, string SourceRows, string TargetRows, string SourceChecksum, string TargetChecksum, string Verdict);
}
