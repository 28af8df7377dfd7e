using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// A run that cannot work (bad configuration, unusable database) is exit code 1 with one line
/// that names the cause, for every verb that opens the host and for the service itself.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("--Polling:MaxConcurrency=0", "configuration section 'Polling' is invalid")]
    [InlineData("--Polling:MaxConcurrencyPerHost=65", "configuration section 'Polling' is invalid")]
    [InlineData("--Polling:CheckEvery=00:00:01", "configuration section 'Polling' is invalid")]
    [InlineData("--Polling:MaxBackoff=00:00:30", "configuration section 'Polling' is invalid")]
    [InlineData("--Polling:DefaultInterval=8.00:00:00", "configuration section 'Polling' is invalid")]
    [InlineData("--Polling:MinHostGap=00:11:00", "configuration section 'Polling' is invalid")]
    [InlineData("--Fetching:Timeout=00:00:00", "Fetching:Timeout must be between 0 and 1 hour.")]
    [InlineData("--Fetching:MaxBodyBytes=0", "Fetching:MaxBodyBytes must be positive")]
    [InlineData("--Fetching:MaxRedirects=-1", "Fetching:MaxRedirects must not be negative.")]
    [InlineData("--Parsing:MaxEntries=0", "configuration section 'Parsing' is invalid")]
    [InlineData("--Publishing:ItemCount=501", "configuration section 'Publishing' is invalid")]
    [InlineData("--Publishing:ViewCacheSize=0", "configuration section 'Publishing' is invalid")]
    [InlineData("--Publishing:BaseUrl=not a url", "Publishing:BaseUrl must be an absolute http(s) URL.")]
    [InlineData("--Dedupe:SimilarityThreshold=0.1", "configuration section 'Dedupe' is invalid")]
    [InlineData("--Retention:RunEvery=00:00:30", "configuration section 'Retention' is invalid")]
    [InlineData("--Retention:MaxAge=-1.00:00:00", "configuration section 'Retention' is invalid")]
    [InlineData("--Processing:MaxEntryHtmlBytes=100", "configuration section 'Processing' is invalid: MaxEntryHtmlBytes:")]
    [InlineData("--WebSub:MaxPushesPerMinute=0", "configuration section 'WebSub' is invalid: MaxPushesPerMinute:")]
    [InlineData("--Metrics:MaxFeedSeries=-1", "configuration section 'Metrics' is invalid: MaxFeedSeries:")]
    [InlineData("--Subscriptions:RemovedGrace=-1.00:00:00", "configuration section 'Subscriptions' is invalid: RemovedGrace:")]
    [InlineData("--Storage:Provider=mysql", "configuration section 'Storage' is invalid: Provider: Storage:Provider must be 'sqlite' or 'postgres'.")]
    [InlineData("--Polling:MaxConcurrency=many", "configuration: Failed to convert configuration value 'many' at 'Polling:MaxConcurrency'")]
    [InlineData("--Retention:MaxAge=a year", "at 'Retention:MaxAge'")]
    public async Task A_bad_value_in_any_section_exits_1_naming_it(string setting, string message)
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();

        var result = await folder.RunAsync("feeds", "list", setting);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("feedagg: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("feeds", "list")]
    [InlineData("poll", "--once")]
    [InlineData("seed")]
    [InlineData("opml", "export")]
    [InlineData("stories", "show", "1")]
    public async Task A_file_that_is_not_a_database_exits_1_with_a_storage_error(params string[] verb)
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();
        File.WriteAllText(folder.Database, "this is a text file, not a SQLite database, and it is long enough to have a header");

        var result = await folder.RunAsync(verb);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"feedagg: store unusable: {folder.Database} is damaged or not a FeedAggregator database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_under_a_file_exits_1_naming_the_path()
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();
        var blocker = folder.PathOf("not-a-folder");
        File.WriteAllText(blocker, "");

        var result = await folder.RunAsync("feeds", "list", $"--Storage:Database={blocker}/feeds.db");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("feedagg: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-folder", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData]
    public async Task The_service_with_a_bad_value_does_not_start_and_exits_1(params string[] verb)
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();

        var result = await folder.RunAsync([.. verb, "--urls", "http://127.0.0.1:0", "--Polling:MaxConcurrency=0"])
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("feedagg: could not start: configuration section 'Polling' is invalid", result.Error, StringComparison.Ordinal);
    }
}
