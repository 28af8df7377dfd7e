using System.Text.Json;
using AngleSharp;
using AngleSharp.Html.Parser;
using FeedAggregator.Benchmarks.Corpus;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Processing.Html;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// The fast path must write exactly what the slow path (AngleSharp and HtmlSanitizer) writes, on
/// every HTML fixture of the tests and on generated corpora; and the slow path's own writer must
/// write what AngleSharp's formatter writes.
/// </summary>
public sealed class ContentSanitizerDifferentialTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/post/");

    public static TheoryData<string> Corpora => new() { "fixtures", "generated", "articles" };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void The_fast_path_writes_what_the_slow_path_writes(string corpus)
    {
        var documents = Documents(corpus);
        var fast = 0;
        foreach (var html in documents)
        {
            if (!Sanitizer.TryFastPath(html, Base, out var quick))
                continue;
            fast++;
            Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base), quick);
        }

        // Most of every corpus is the common case; a fast path that gave everything away would prove nothing.
        Assert.True(fast * 3 > documents.Count, $"only {fast} of {documents.Count} documents took the fast path");
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Inline_values_agree_too(string corpus)
    {
        var withMarkup = 0;
        foreach (var html in Documents(corpus))
        {
            if (!Sanitizer.TryFastPath(html, Base, out var quick, inline: true))
                continue;
            Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base, inline: true), quick);
            withMarkup += quick?.Contains('<', StringComparison.Ordinal) == true ? 1 : 0;
        }

        // Inline values keep plain elements on the fast path: the corpus must hold some (every
        // realistic article has links and pictures, which inline values leave to the formatter).
        Assert.True(withMarkup > 0 || corpus == "articles", "no inline value with markup took the fast path");
    }

    [Fact]
    public void Realistic_articles_all_take_the_fast_path()
    {
        var articles = Documents("articles");
        Assert.All(articles, html => Assert.True(Sanitizer.TryFastPath(html, Base, out var clean) && clean is not null));
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void The_slow_paths_writer_writes_what_AngleSharp_writes(string corpus)
    {
        var sanitizer = new FeedHtmlSanitizer();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        foreach (var html in Documents(corpus))
        {
            using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
            sanitizer.SanitizeDom(document, document.Body, Base.AbsoluteUri);
            Assert.Equal(document.Body!.ChildNodes.ToHtml(sanitizer.OutputFormatter), DomWriter.WriteChildren(document.Body));
        }
    }

    [Fact]
    public void The_fast_paths_url_rule_is_the_librarys()
    {
        var library = new FeedHtmlSanitizer();
        var rule = new UrlRule(SanitizerPolicy.Schemes);
        string[] urls =
        [
            "a.png", "/img/a.png", "../up/../x.html", "//cdn.example.net/c.jpg", "#frag", "?q=1&amp;r=2", "", "   ", " \t\nhttps://x.example/ ",
            "https://example.net/x?a=1&b=2", "HTTP://EXAMPLE.NET/A", "mailto:a@example.org", "MAILTO:b", "javascript:alert(1)",
            "JaVaScRiPt:alert(1)", " java\tscript:x", "java\nscript:x", "jav&#x09;ascript:x", "javascript&#58;x", "javascript&#x3A;x",
            "data:image/png;base64,AAAA", "vbscript:x", "ftp://example.org/f", ":no-scheme", "http:relative", "https:/one-slash",
            "https://例え.jp/パス?é=1", "https://example.org/a b", "https://[::1]:8080/x", "https://user:pw@host.example/",
            "/path#with:colon", "?q=a:b", "a:b/c", "a/b:c", "\\\\server\\share", "http://%zz", "https://x.example/%41%zz",
            "file:///etc/passwd", "tel:+123", "https://x.example/&{y}", "http://x.example:99999/", "./a?b#c", "..", ".",
        ];
        Uri?[] bases = [Base, new Uri("http://example.org"), new Uri("file:///tmp/feeds/a.xml"), new Uri("https://例え.jp/a/b"), null];
        foreach (var baseUrl in bases)
        {
            foreach (var url in urls)
                Assert.Equal(library.Url(url, baseUrl?.AbsoluteUri ?? ""), rule.Sanitize(url, baseUrl));
        }
    }

    private static List<string> Documents(string corpus) => corpus switch
    {
        "fixtures" => Fixtures(),
        "generated" => [.. new GeneratedHtml(seed: 20240127).Documents(3000)],
        _ => Articles(),
    };

    private static List<string> Articles()
    {
        var articles = new ArticleHtml(seed: 7);
        return [.. Enumerable.Range(0, 150).Select(id => articles.Article(id, paragraphs: 4 + id % 12))];
    }

    /// <summary>Every HTML fixture: the snippets of the sanitizer tests, the HTML files, and every entry of every feed fixture.</summary>
    private static List<string> Fixtures()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData");
        var documents = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(root, "Processing", "sanitizer-cases.json")))!;
        var parser = new FeedParser(Options.Create(new ParsingOptions()));
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".html", StringComparison.Ordinal))
                documents.Add(File.ReadAllText(file));
            else if (parser.Parse(File.ReadAllBytes(file), new Uri(file), null).Feed is { } feed)
                documents.AddRange(feed.Entries.SelectMany(e => new[] { e.Summary, e.Content, e.TitleHtml }).OfType<string>());
        }

        return documents;
    }
}
