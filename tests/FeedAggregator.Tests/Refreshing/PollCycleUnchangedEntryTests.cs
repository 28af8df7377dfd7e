using System.Text;
using Dapper;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Only what changed costs work: an entry that comes back as it was is neither processed nor written.</summary>
public sealed class PollCycleUnchangedEntryTests
{
    // A document whose bytes change at every request (lastBuildDate), so the body-hash skip never
    // applies; its items are the same unless the test edits one.
    private static byte[] Document(int request, string editedTitle) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://example.test/</link>" +
        $"<lastBuildDate>Mon, 02 Mar 2026 09:{request % 60:00}:00 GMT</lastBuildDate>" +
        string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"<item><title>{(i == 7 ? editedTitle : "Entry " + i)}</title><link>http://example.test/{i}</link><guid>g{i}</guid>" +
            $"<description>&lt;p&gt;Body of entry {i}, with &lt;b&gt;markup&lt;/b&gt;.&lt;/p&gt;</description></item>")) +
        "</channel></rss>");

    [Fact]
    public async Task An_unchanged_entry_is_not_processed_or_written_and_a_document_costs_one_lookup()
    {
        var requests = 0;
        var editedTitle = "Entry 7";
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
            context.Response.Body.WriteAsync(Document(Interlocked.Increment(ref requests), editedTitle)).AsTask());
        RecordingArticleStore store = null!;
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")], articles: inner => store = new RecordingArticleStore(inner));

        Assert.Equal(20, (await poll.PollAsync()).Added);
        // Were the entries processed again, their stored HTML would be written back over this.
        await using (var connection = await poll.Db.Connections.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("UPDATE articles SET content_html = '<p>left alone</p>'");
        var version = await poll.Db.Articles.GetVersionAsync(CancellationToken.None);

        var second = await poll.PollAsync(force: true);

        Assert.Equal((0, 0), (second.Added, second.Updated));
        Assert.Equal([20, 0], store.Saves.Select(s => s.Articles));
        Assert.Equal(2, store.Lookups.Count);
        Assert.Equal(version, await poll.Db.Articles.GetVersionAsync(CancellationToken.None));
        await using (var connection = await poll.Db.Connections.OpenAsync(CancellationToken.None))
            Assert.Equal(20, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE content_html = '<p>left alone</p>'"));
        Assert.Equal([20, 0], poll.Logs.Entries.Where(e => e.Properties.ContainsKey("Processed")).Select(e => (int)e.Properties["Processed"]!));

        editedTitle = "Entry 7, corrected";
        var third = await poll.PollAsync(force: true);

        Assert.Equal((0, 1), (third.Added, third.Updated));
        Assert.Equal([20, 0, 1], store.Saves.Select(s => s.Articles));
        Assert.Equal(3, store.Lookups.Count);
    }

    [Fact]
    public async Task Fetches_stop_at_the_queue_bound_while_the_writer_is_held_and_all_finish_once_it_goes_on()
    {
        var feeds = Environment.ProcessorCount + 20;
        await using var server = await LocalHttpServer.StartAsync("/feed/{n}", context =>
            context.Response.Body.WriteAsync(Feeds.Rss("a-" + context.Request.RouteValues["n"])).AsTask());
        RecordingArticleStore store = null!;
        await using var poll = await PollHarness.CreateAsync(
            Enumerable.Range(1, feeds).Select(n => server.Url($"/feed/{n}")),
            o => (o.MaxConcurrency, o.QueueCapacity) = (1, 1),
            articles: inner => store = new RecordingArticleStore(inner) { HoldSaves = true });

        var cycle = poll.PollAsync();
        await store.SaveEntered.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a safety net, not a timing assert
        // Give the fetches every chance to run ahead; they must stop at the bound whatever the wait.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // In hand at most: one document in the writer, one in its queue, one per processing worker,
        // one in the processing queue, and the one the fetch worker waits to hand on.
        var fetched = server.Requests.Count;
        Assert.InRange(fetched, 1, 1 + 1 + Environment.ProcessorCount + 1 + 1);
        Assert.False(cycle.IsCompleted);

        store.SaveGate.SetResult();
        var summary = await cycle;

        Assert.Equal(feeds, summary.Polled);
        Assert.Equal(feeds, summary.Added);
    }

    [Fact]
    public async Task A_new_guid_with_the_link_and_title_of_an_entry_still_in_the_document_is_a_new_article()
    {
        string Item(string guid, string body) =>
            $"<item><title>Same title</title><link>http://example.test/same</link><guid>{guid}</guid><description>{body}</description></item>";
        var items = Item("a", "First body");
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        Assert.Equal(1, (await poll.PollAsync()).Added);

        // "a" comes back unchanged (not processed, not handed to the store), "b" is new: it is not
        // the same entry under a changed guid, since "a" is still there.
        items = Item("a", "First body") + Item("b", "Second body");
        var second = await poll.PollAsync(force: true);

        Assert.Equal((1, 0), (second.Added, second.Updated));
        Assert.Equal(2, (await poll.Db.Articles.GetNewestAsync(10, CancellationToken.None)).Count);
    }
}
