using System.Text.Json;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>parse PATH... [--json]</c> run as the executable runs it: one result per input, in order.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ParseCommandTests : IDisposable
{
    private const string MarkupTitles = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;a href="javascript:alert(1)"&gt;Safe&lt;/a&gt; &lt;b&gt;feed&lt;/b&gt;</title>
        <entry><id>1</id><title type="html">&lt;img src="http://example.com/a.jpg" onerror="alert(1)"&gt; Photo</title><updated>2026-01-27T10:00:00+01:00</updated></entry>
        <entry><id>2</id><title>AT&amp;T &lt;3 you</title></entry>
        </feed>
        """;

    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_reports_a_markup_title_sanitized_and_a_plain_one_as_text()
    {
        var path = Write("titles.atom", MarkupTitles);

        var result = await _folder.RunAsync("parse", path, "--json");
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        var root = json.RootElement;
        var entries = root.GetProperty("entries");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(path, root.GetProperty("source").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("atom10", root.GetProperty("format").GetString());
        Assert.Equal("<a>Safe</a> <b>feed</b>", root.GetProperty("title").GetString());
        Assert.Equal("html", root.GetProperty("title_type").GetString());
        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal("<img src=\"http://example.com/a.jpg\" /> Photo", entries[0].GetProperty("title").GetString());
        Assert.Equal("html", entries[0].GetProperty("title_type").GetString());
        Assert.Equal("2026-01-27T09:00:00Z", entries[0].GetProperty("updated").GetString());
        Assert.Equal("AT&T <3 you", entries[1].GetProperty("title").GetString());
        Assert.Equal("text", entries[1].GetProperty("title_type").GetString());
    }

    [Fact]
    public async Task An_unreadable_input_is_an_error_line_in_its_place_and_only_all_failing_exits_1()
    {
        var good = Write("titles.atom", MarkupTitles);
        var broken = Write("broken.xml", "<html><body>not a feed</body></html>");
        var missing = _folder.PathOf("missing.xml");

        var mixed = await _folder.RunAsync("parse", missing, good, broken, "--json");
        var allBad = await _folder.RunAsync("parse", missing, broken, "--json");
        var rows = mixed.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.True(mixed.ExitCode == 0, mixed.ToString());
        Assert.Equal([missing, good, broken], rows.Select(r => r.GetProperty("source").GetString()));
        Assert.Equal([false, true, false], rows.Select(r => r.GetProperty("ok").GetBoolean()));
        Assert.StartsWith("cannot read the file: ", rows[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rows[2].GetProperty("error").GetString()));
        Assert.True(allBad.ExitCode == 1, allBad.ToString());
        Assert.Equal(2, allBad.Lines.Count);
    }

    [Fact]
    public async Task Text_output_gives_the_format_title_and_each_entry_with_its_date()
    {
        var path = Write("titles.atom", MarkupTitles);

        var result = await _folder.RunAsync("parse", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [$"{path}: atom10 \"Safe feed\", 2 entries", "  2026-01-27T09:00:00Z Photo", $"  {"(no date)",-20} AT&T <3 you"],
            result.Lines);
    }

    [Fact]
    public async Task Json_gives_every_field_its_fallback_and_resolves_markup_titles_against_their_own_base()
    {
        var path = Write("fields.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://feed.example/dir/">
              <title type="html">&lt;a href="about"&gt;About&lt;/a&gt;</title>
              <entry xml:base="http://entry.example/"><id>urn:e1</id><title type="html">&lt;img src="a.jpg"&gt; One</title>
                <link rel="enclosure" href="http://cdn.example/e.mp3" type="audio/mpeg"/></entry>
              <entry><title type="html">&lt;img src="b.jpg"&gt; Two</title><link href="http://feed.example/two"/></entry>
            </feed>
            """);

        var result = await _folder.RunAsync("parse", path, "--json");
        var root = JsonDocument.Parse(Assert.Single(result.Lines)).RootElement;
        var entries = root.GetProperty("entries");

        Assert.Equal("<a href=\"http://feed.example/dir/about\">About</a>", root.GetProperty("title").GetString());
        Assert.Equal("<img src=\"http://entry.example/a.jpg\" /> One", entries[0].GetProperty("title").GetString());
        Assert.Equal("<img src=\"http://feed.example/dir/b.jpg\" /> Two", entries[1].GetProperty("title").GetString());
        Assert.Equal("urn:e1", entries[0].GetProperty("id").GetString());
        Assert.Equal("http://feed.example/two", entries[1].GetProperty("id").GetString()); // no id: the link
        Assert.Equal("", entries[0].GetProperty("summary").GetString());
        Assert.Equal("", entries[0].GetProperty("content").GetString());
        var enclosure = Assert.Single(entries[0].GetProperty("enclosures").EnumerateArray());
        Assert.Equal(("http://cdn.example/e.mp3", "audio/mpeg", 0), (enclosure.GetProperty("url").GetString(), enclosure.GetProperty("type").GetString(), enclosure.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task Text_output_shows_an_error_in_place_and_the_warnings_of_a_feed_cut_short()
    {
        var path = Write("titles.atom", MarkupTitles);
        var missing = _folder.PathOf("missing.xml");

        var result = await _folder.RunAsync("parse", missing, path, "--Parsing:MaxEntries=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"{missing}: error: cannot read the file: ", result.Lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: atom10 \"Safe feed\", 1 entries", result.Lines[1]);
        Assert.StartsWith("  warning: ", result.Lines[2], StringComparison.Ordinal);
        Assert.Equal(4, result.Lines.Count);
    }

    [Fact]
    public async Task Json_says_when_a_feed_was_recovered_and_lists_authors_as_names_or_emails()
    {
        var broken = Write("broken.rss", """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title><author>jane@example.com (Jane Doe)</author><dc:creator>kai@example.com</dc:creator></item>
            </channel></rss>
            """);
        var fine = Write("fine.rss", "<rss version=\"2.0\"><channel><title>Fine</title></channel></rss>");

        var result = await _folder.RunAsync("parse", broken, fine, "--json");
        Assert.Equal(2, result.Lines.Count);
        using var recovered = JsonDocument.Parse(result.Lines[0]);
        using var wellFormed = JsonDocument.Parse(result.Lines[1]);

        Assert.True(recovered.RootElement.GetProperty("recovered").GetBoolean());
        Assert.StartsWith("recovered from an XML error", recovered.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["Jane Doe", "kai@example.com"],
            recovered.RootElement.GetProperty("entries")[0].GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.False(wellFormed.RootElement.GetProperty("recovered").GetBoolean());
    }

    [Fact]
    public async Task Json_gives_the_feed_and_entry_fields_as_read_with_text_unescaped()
    {
        var path = Write("café.rss", """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Café &amp; Co</title><link>https://cafe.example/</link><language>fr-FR</language>
            <item><title>Crème brûlée</title><link>https://cafe.example/creme</link><guid isPermaLink="false">c1</guid>
              <pubDate>Tue, 27 Jan 2026 10:00:00 +0100</pubDate><category>Desserts</category><category>Sucré</category>
              <description>&lt;p&gt;Short&lt;/p&gt;</description><content:encoded>&lt;p&gt;Long &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</content:encoded>
              <enclosure url="https://cafe.example/c.mp3" type="audio/mpeg" length="1234"/></item>
            <item><title>Bare</title><guid isPermaLink="false">c2</guid></item>
            </channel></rss>
            """);

        var result = await _folder.RunAsync("parse", path, "--json");
        var line = Assert.Single(result.Lines);
        var root = JsonDocument.Parse(line).RootElement;
        var (full, bare) = (root.GetProperty("entries")[0], root.GetProperty("entries")[1]);

        // Non-ASCII and markup characters as they are, not as \u escapes: the line is read by people too.
        Assert.Contains("\"title\":\"Café & Co\"", line, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"<p>Long <b>text</b></p>\"", line, StringComparison.Ordinal);
        Assert.Equal(("text", "https://cafe.example/", "fr-FR"),
            (root.GetProperty("title_type").GetString(), root.GetProperty("link").GetString(), root.GetProperty("language").GetString()));
        Assert.Equal(("https://cafe.example/creme", "2026-01-27T09:00:00Z", "fr-FR"),
            (full.GetProperty("link").GetString(), full.GetProperty("published").GetString(), full.GetProperty("language").GetString()));
        Assert.Equal(("<p>Short</p>", "<p>Long <b>text</b></p>"), (full.GetProperty("summary").GetString(), full.GetProperty("content").GetString()));
        Assert.Equal(["Desserts", "Sucré"], full.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1234, full.GetProperty("enclosures")[0].GetProperty("length").GetInt64());
        Assert.Equal(("", "", JsonValueKind.Null, JsonValueKind.Null),
            (bare.GetProperty("summary").GetString(), bare.GetProperty("content").GetString(), bare.GetProperty("link").ValueKind, bare.GetProperty("published").ValueKind));
    }

    [Fact]
    public async Task A_web_page_is_an_error_saying_what_it_is()
    {
        var page = Write("page.html", "<html><body>hello</body></html>");

        var result = await _folder.RunAsync("parse", page);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([$"{page}: error: not a feed: the document's root element is <html>, a web page"], result.Lines);
    }

    [Fact]
    public async Task An_http_url_is_fetched_and_parsed_and_a_failed_fetch_is_an_error_in_its_place()
    {
        await using var origin = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/feed.atom", () => Results.Text(MarkupTitles, "application/atom+xml"));
            routes.MapGet("/gone.atom", () => Results.StatusCode(StatusCodes.Status410Gone));
        });
        var (feed, gone) = (origin.Url("/feed.atom").AbsoluteUri, origin.Url("/gone.atom").AbsoluteUri);

        var result = await _folder.RunAsync("parse", feed, gone);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{feed}: atom10 \"Safe feed\", 2 entries", result.Lines[0]);
        Assert.Equal($"{gone}: error: fetch: HTTP 410 Gone", result.Lines[^1]);
    }

    [Fact]
    public async Task Every_input_failing_exits_1_however_many_are_in_flight()
    {
        var missing = Enumerable.Range(0, Environment.ProcessorCount * 2 + 3).Select(i => _folder.PathOf($"missing-{i}.xml")).ToArray();

        var result = await _folder.RunAsync(["parse", .. missing]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(missing.Length, result.Lines.Count);
    }

    [Fact]
    public async Task A_feed_too_large_for_one_block_is_written_in_its_place()
    {
        var items = string.Concat(Enumerable.Range(0, 2000).Select(n => $"<item><title>A rather long entry title number {n}</title><guid>g{n}</guid></item>"));
        var big = Write("big.rss", $"<rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>");
        var missing = _folder.PathOf("missing.xml");
        var small = Write("small.atom", MarkupTitles);

        var result = await _folder.RunAsync("parse", missing, small, big, small, "--Parsing:MaxEntries=5000");
        var lines = result.Lines;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"{missing}: error: ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{small}: atom10 \"Safe feed\", 2 entries", lines[1]);
        Assert.Equal($"{big}: rss20 \"Big\", 2000 entries", lines[4]);
        Assert.Equal(4 + 1 + 2000 + 3, lines.Count);
        Assert.Equal($"{small}: atom10 \"Safe feed\", 2 entries", lines[^3]);
    }

    [Fact]
    public async Task A_document_of_a_megabyte_or_more_is_streamed_and_each_entry_reads_as_it_would_alone()
    {
        // Over the streaming threshold; HTML entities in CDATA (as WordPress writes them), the
        // channel's language after its items, and one entry over the content cap.
        const string Channel = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title>";
        var paragraph = "<p>The council met &ndash; &laquo;on Tuesday&raquo;&nbsp;to discuss <a href=\"/budget?a=1&amp;b=2\">the budget</a>.</p>";
        string Item(int n) => $"<item><guid>g{n}</guid><title>Entry {n}</title><link>https://example.com/{n}</link>"
            + $"<content:encoded><![CDATA[{string.Concat(Enumerable.Repeat(paragraph, n == 7 ? 2000 : 30))}<script>x()</script>]]></content:encoded></item>";
        var big = Write("big.rss", $"{Channel}{string.Concat(Enumerable.Range(0, 300).Select(Item))}<language>fr</language></channel></rss>");
        Assert.True(new FileInfo(big).Length > 1 << 20);
        var alone = new[] { 0, 7, 299 }.Select(n => Write($"alone-{n}.rss", $"{Channel}{Item(n)}<language>fr</language></channel></rss>")).ToArray();

        var result = await _folder.RunAsync("parse", alone[0], big, alone[1], alone[2], "--json", "--Processing:MaxEntryHtmlBytes=100000");
        var rows = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var entries = rows[1].GetProperty("entries");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([alone[0], big, alone[1], alone[2]], rows.Select(r => r.GetProperty("source").GetString()));
        Assert.Equal(300, entries.GetArrayLength());
        Assert.Equal(entries[0].GetRawText(), rows[0].GetProperty("entries")[0].GetRawText());
        Assert.Equal(entries[7].GetRawText(), rows[2].GetProperty("entries")[0].GetRawText());
        Assert.Equal(entries[299].GetRawText(), rows[3].GetProperty("entries")[0].GetRawText());
        Assert.Equal("fr", entries[299].GetProperty("language").GetString());
        Assert.DoesNotContain("<script", entries[299].GetProperty("content").GetString(), StringComparison.Ordinal);
        // What processing cut is in the warnings, written after the entries.
        Assert.Contains(rows[1].GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("'g7'", StringComparison.Ordinal));
        Assert.Equal("warnings", rows[1].EnumerateObject().Last().Name);
    }

    [Fact]
    public async Task Markup_titles_resolve_against_the_base_of_their_own_element_first()
    {
        var path = Write("bases.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://feed.example/dir/">
              <title type="html" xml:base="http://title.example/">&lt;a href="about"&gt;About&lt;/a&gt;</title>
              <entry xml:base="http://entry.example/"><id>e1</id>
                <title type="html" xml:base="http://entry-title.example/">&lt;a href="x"&gt;X&lt;/a&gt;</title></entry>
            </feed>
            """);

        var root = JsonDocument.Parse(Assert.Single((await _folder.RunAsync("parse", path, "--json")).Lines)).RootElement;

        Assert.Equal("<a href=\"http://title.example/about\">About</a>", root.GetProperty("title").GetString());
        Assert.Equal("<a href=\"http://entry-title.example/x\">X</a>", root.GetProperty("entries")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Markup_titles_of_a_fetched_feed_without_a_base_resolve_against_its_url()
    {
        await using var origin = await LocalHttpServer.StartAsync(routes => routes.MapGet("/news/feed.atom", () => Results.Text("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;a href="about"&gt;About&lt;/a&gt;</title>
            <entry><id>e1</id><title type="html">&lt;a href="x"&gt;X&lt;/a&gt;</title></entry></feed>
            """, "application/atom+xml")));

        var result = await _folder.RunAsync("parse", origin.Url("/news/feed.atom").AbsoluteUri, "--json");
        var root = JsonDocument.Parse(Assert.Single(result.Lines)).RootElement;

        Assert.Equal($"<a href=\"{origin.Url("/news/about")}\">About</a>", root.GetProperty("title").GetString());
        Assert.Equal($"<a href=\"{origin.Url("/news/x")}\">X</a>", root.GetProperty("entries")[0].GetProperty("title").GetString());
    }

    private string Write(string name, string content)
    {
        var path = _folder.PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }
}
