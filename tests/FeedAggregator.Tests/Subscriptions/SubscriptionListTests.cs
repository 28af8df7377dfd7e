using FeedAggregator.Model;
using FeedAggregator.Subscriptions;

namespace FeedAggregator.Tests.Subscriptions;

/// <summary>The CLI's changes to the subscriptions: written to the OPML file first, then synced into the store.</summary>
public sealed class SubscriptionListTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Subscription A = new("https://a.example/feed", "A", "News", "https://a.example/", TimeSpan.FromMinutes(30));
    private static readonly Subscription B = new("https://b.example/feed", "B");
    private static readonly Subscription C = new("https://c.example/feed", null, "Tech");

    private static async Task<SubscriptionHarness> SubscribedAsync(params Subscription[] subscriptions)
    {
        var harness = await SubscriptionHarness.CreateAsync();
        harness.WriteOpml(subscriptions);
        await harness.Sync.SyncAsync(None);
        return harness;
    }

    [Fact]
    public async Task Without_an_opml_file_the_list_is_empty()
    {
        await using var harness = await SubscriptionHarness.CreateAsync();

        Assert.Empty(harness.List.Read());
        Assert.False(File.Exists(harness.Opml));
    }

    [Fact]
    public async Task Adding_feeds_appends_them_to_the_file_normalised_and_subscribes_them()
    {
        await using var harness = await SubscriptionHarness.CreateAsync();

        Assert.True(await harness.List.AddAsync(new Subscription("https://A.example/feed", "A"), None));
        Assert.True(await harness.List.AddAsync(new Subscription("http://plain.example/rss"), None));

        Subscription[] expected = [new("https://a.example/feed", "A"), new("http://plain.example/rss")];
        Assert.Equal(expected, harness.List.Read());
        Assert.Equal(["http://plain.example/rss", "https://a.example/feed"], await harness.StoredUrlsAsync());
    }

    [Fact]
    public async Task Adding_a_subscribed_feed_again_replaces_its_entry()
    {
        await using var harness = await SubscribedAsync(A, B);

        Assert.True(await harness.List.AddAsync(new Subscription(A.Url, "A renamed"), None));

        Assert.Equal([B, new Subscription(A.Url, "A renamed")], harness.List.Read());
        var stored = await harness.Db.Feeds.ListAsync(None);
        Assert.Equal("A renamed", Assert.Single(stored, f => f.Url == A.Url).Title);
        Assert.Equal(2, stored.Count);
    }

    [Theory]
    [InlineData("ftp://files.example/feed")]
    [InlineData("feed.example/rss")]
    [InlineData("/srv/feeds/local.xml")]
    [InlineData("mailto:someone@example.com")]
    public async Task A_feed_url_that_is_not_absolute_http_is_refused_and_nothing_is_written(string url)
    {
        await using var harness = await SubscriptionHarness.CreateAsync();

        Assert.False(await harness.List.AddAsync(new Subscription(url), None));

        Assert.False(File.Exists(harness.Opml));
        Assert.Empty(await harness.StoredUrlsAsync());
    }

    [Fact]
    public async Task Removing_a_feed_keeps_the_others_in_order_and_unsubscribes_it()
    {
        await using var harness = await SubscribedAsync(A, B, C);

        // As typed, not as stored: the host's case does not matter.
        Assert.True(await harness.List.RemoveAsync("https://B.EXAMPLE/feed", None));

        Assert.Equal([A, C], harness.List.Read());
        Assert.Equal([A.Url, C.Url], await harness.StoredUrlsAsync());
        Assert.Equal(B.Url, Assert.Single(await harness.Db.Feeds.ListRemovedAsync(None)).Url);
    }

    [Fact]
    public async Task Removing_a_feed_that_is_not_subscribed_returns_false_and_changes_nothing()
    {
        await using var harness = await SubscribedAsync(A, B);
        var before = File.ReadAllText(harness.Opml);

        Assert.False(await harness.List.RemoveAsync("https://other.example/feed", None));

        Assert.Equal(before, File.ReadAllText(harness.Opml));
        Assert.Equal([A.Url, B.Url], await harness.StoredUrlsAsync());
    }

    [Fact]
    public async Task Importing_adds_only_the_new_feeds_and_reports_progress()
    {
        await using var harness = await SubscribedAsync(A);
        var other = Path.Combine(harness.Db.Directory, "reader.opml");
        OpmlFile.Write(other, [new Subscription(A.Url, "A from the reader"), C, B with { Title = "B from the reader" }]);
        var progress = new RecordingProgress();

        Assert.Equal(2, await harness.List.ImportAsync(other, None, progress));

        Assert.Equal([B with { Title = "B from the reader" }, A, C], harness.List.Read());
        Assert.Equal([A.Url, B.Url, C.Url], await harness.StoredUrlsAsync());
        Assert.Equal([new ImportProgress(3, 2, Subscribed: false), new ImportProgress(3, 2, Subscribed: true)], progress.Reports);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Moving_a_feed_rewrites_its_url_in_place_keeping_its_title_folder_and_interval(int index)
    {
        Subscription[] list = [B, A, C]; // as the file lists them: the feeds without a folder first
        await using var harness = await SubscribedAsync(list);

        Assert.True(harness.List.Move(list[index].Url, "https://moved.example/feed"));

        list[index] = list[index] with { Url = "https://moved.example/feed" };
        Assert.Equal(list, harness.List.Read());
    }

    [Fact]
    public async Task Moving_a_feed_the_file_does_not_list_returns_false_and_leaves_the_file_alone()
    {
        await using var harness = await SubscribedAsync(A, B);
        var before = File.ReadAllText(harness.Opml);

        Assert.False(harness.List.Move("https://other.example/feed", "https://moved.example/feed"));

        Assert.Equal(before, File.ReadAllText(harness.Opml));
    }

    /// <summary>Keeps each report as it is made (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class RecordingProgress : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
