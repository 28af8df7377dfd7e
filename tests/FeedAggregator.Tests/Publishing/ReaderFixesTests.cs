using System.Text;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>What readers noticed (issue 14): titles with entities left in, relative URLs, undated entries.</summary>
public sealed class ReaderFixesTests
{
    public static TheoryData<string> Files => ["feed.atom", "feed.rss", "feed.json"];

    private static IFeedWriter Writer(string file) => file switch
    {
        "feed.atom" => new AtomFeedWriter(),
        "feed.rss" => new RssFeedWriter(),
        _ => new JsonFeedWriter(),
    };

    private static SortedDictionary<string, string> Render(string file, MergedItem item) =>
        RenderedFields.Read(file, Writer(file).Write(PublishingSamples.Feed(item))).Entries.Single();

    private static MergedItem Blog(string title, string? url, string html) => new(
        PublishingSamples.Article(20, title) with { Url = url, ContentHtml = html },
        PublishingSamples.CityNews);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_title_with_entities_left_in_is_shown_as_its_text(string file)
    {
        var entry = Render(file, Blog("Don&#8217;t panic &amp; <b>AT&T</b>", null, "<p>x</p>"));

        Assert.Equal("Don\u2019t panic & <b>AT&T</b>", entry["title"]);
    }

    [Fact]
    public void The_page_shows_a_decoded_title_escaped_once()
    {
        var html = Encoding.UTF8.GetString(new HtmlPageWriter().Write(PublishingSamples.Feed(Blog("Q&amp;A &lt;live&gt;", null, "<p>x</p>"))));

        Assert.Contains(">Q&amp;A &lt;live&gt;</h2>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Relative_urls_in_content_resolve_against_the_articles_page(string file)
    {
        var entry = Render(file, Blog("Guide", "https://blog.example.org/posts/1",
            "<p><a href=\"/docs\">docs</a> <img src=\"img/a.png\" srcset=\"a.png 1x, https://cdn.example.org/b.png 2x\"> <a href=\"#fn\">1</a> <a href=\"mailto:x@example.org\">m</a></p>"));

        Assert.Equal(
            "<p><a href=\"https://blog.example.org/docs\">docs</a> <img src=\"https://blog.example.org/posts/img/a.png\" srcset=\"https://blog.example.org/posts/a.png 1x, https://cdn.example.org/b.png 2x\"> <a href=\"https://blog.example.org/posts/1#fn\">1</a> <a href=\"mailto:x@example.org\">m</a></p>",
            entry["content"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Without_a_page_they_resolve_against_the_sources_home_page(string file)
    {
        var entry = Render(file, Blog("Notes", null, "<p><video poster=\"p.jpg\" src=\"../v.mp4\"></video></p>"));

        Assert.Contains("<video poster=\"https://news.example.com/p.jpg\" src=\"https://news.example.com/v.mp4\"></video>", entry["content"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Also_reported_by_links_a_source_only_by_an_absolute_url(string file)
    {
        var item = PublishingSamples.English() with
        {
            AlsoReportedBy = [new AlsoReported(PublishingSamples.Podcast with { SiteUrl = "radio.example.org" }, null, "Copy")],
        };

        var entry = Render(file, item);

        Assert.EndsWith("<p class=\"also-reported-by\">Also reported by Community Radio</p>", entry["content"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_undated_article_is_dated_when_it_was_first_seen(string file)
    {
        var entry = Render(file, Blog("Undated", "https://blog.example.org/u", "<p>x</p>"));

        Assert.Equal("2024-02-27T12:00:00.0000000Z", entry["published"]);
    }

    [Fact]
    public void Html_without_relative_urls_is_returned_as_it_is()
    {
        const string html = "<pre><code>&lt;a href=\"x\"&gt; means a link</code></pre><p><a href=\"https://a.example/\">a</a></p>";

        Assert.Same(html, ContentUrls.Absolute(html, "https://blog.example.org/"));
        Assert.Null(ContentUrls.Absolute(null, "https://blog.example.org/"));
    }
}
