using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Worker;

/// <summary>
/// Each verb's start plays the profile its last ended run recorded, and records into a copy of its
/// own, so that two runs at once never write one file.
/// </summary>
public sealed class StartupProfileTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("run", new[] { "--urls", "http://127.0.0.1:5080" })]
    [InlineData("parse", new[] { "parse", "--json", "a.xml", "--Polling:MaxConcurrency=2" })]
    [InlineData("seed", new[] { "--Storage:Database", "x.db", "seed", "seeds" })]
    [InlineData(null, new[] { "poll", "--once" })]
    [InlineData("feeds", new[] { "feeds", "list" })]
    [InlineData(null, new[] { "--help" })]
    [InlineData(null, new[] { "pasre", "a.xml" })]
    [InlineData(null, new[] { "parse", "--Polling:MaxConcurrency" })]
    public void A_profile_is_kept_per_verb_and_none_for_a_poll_help_or_a_mistake(string? verb, string[] args)
    {
        Assert.Equal(verb, StartupProfile.VerbOf(args));
    }

    [Fact]
    public void The_cache_folder_is_systemd_s_then_xdg_s_then_the_home_s()
    {
        Dictionary<string, string> all = new()
        {
            ["CACHE_DIRECTORY"] = "/var/cache/feedagg:/var/cache/other",
            ["XDG_CACHE_HOME"] = "/home/ada/.xdg-cache",
            ["HOME"] = "/home/ada",
        };

        Assert.Equal("/var/cache/feedagg", StartupProfile.CacheDirectory(Lookup(all)));
        all.Remove("CACHE_DIRECTORY");
        Assert.Equal("/home/ada/.xdg-cache/feedagg", StartupProfile.CacheDirectory(Lookup(all)));
        all["XDG_CACHE_HOME"] = "relative/cache"; // the XDG spec says to ignore a relative path
        Assert.Equal("/home/ada/.cache/feedagg", StartupProfile.CacheDirectory(Lookup(all)));
        all.Clear();
        Assert.Null(StartupProfile.CacheDirectory(Lookup(all)));

        static Func<string, string?> Lookup(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);
    }

    [Fact]
    public void A_first_start_records_into_its_own_file()
    {
        var profile = StartupProfile.Prepare(_folder.Directory, "parse", 100, _ => false);

        Assert.Equal("parse.100.jitprofile", profile);
        Assert.Empty(Directory.GetFiles(_folder.Directory));
    }

    [Fact]
    public void The_newest_profile_of_an_ended_run_becomes_the_verb_s_and_this_start_plays_a_copy_of_it()
    {
        Write("parse.jitprofile", "oldest", minutesAgo: 30);
        Write("parse.7.jitprofile", "older", minutesAgo: 20);
        Write("parse.8.jitprofile", "newest", minutesAgo: 10);
        Write("run.9.jitprofile", "another verb", minutesAgo: 5);

        var profile = StartupProfile.Prepare(_folder.Directory, "parse", 100, _ => false);

        Assert.Equal("parse.100.jitprofile", profile);
        Assert.Equal("newest", Read("parse.jitprofile"));
        Assert.Equal("newest", Read("parse.100.jitprofile"));
        Assert.False(File.Exists(_folder.PathOf("parse.7.jitprofile")));
        Assert.False(File.Exists(_folder.PathOf("parse.8.jitprofile")));
        Assert.Equal("another verb", Read("run.9.jitprofile"));
    }

    [Fact]
    public void A_profile_whose_process_still_runs_is_left_alone()
    {
        Write("parse.jitprofile", "ended", minutesAgo: 30);
        Write("parse.7.jitprofile", "being written", minutesAgo: 1);

        StartupProfile.Prepare(_folder.Directory, "parse", 100, pid => pid == 7);

        Assert.Equal("ended", Read("parse.jitprofile"));
        Assert.Equal("ended", Read("parse.100.jitprofile"));
        Assert.Equal("being written", Read("parse.7.jitprofile"));
    }

    [Fact]
    public void Files_that_are_not_a_run_s_profile_are_not_touched()
    {
        Write("parse.notes.jitprofile", "not a process id", minutesAgo: 1);
        Write("parse.7.jitprofile.tmp", "not a profile", minutesAgo: 1);

        StartupProfile.Prepare(_folder.Directory, "parse", 100, _ => false);

        Assert.Equal("not a process id", Read("parse.notes.jitprofile"));
        Assert.Equal("not a profile", Read("parse.7.jitprofile.tmp"));
        Assert.False(File.Exists(_folder.PathOf("parse.jitprofile")));
    }

    private void Write(string name, string content, int minutesAgo)
    {
        var path = _folder.PathOf(name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
    }

    private string Read(string name) => File.ReadAllText(_folder.PathOf(name));
}
