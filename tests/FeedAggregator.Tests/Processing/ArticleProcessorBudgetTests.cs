using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// Bounded processing (issue 11): markup-heavy entries of every shape end in a bounded outcome
/// (the HTML cut at the cap, or the text cut when time is up), each cut is a warning, and the
/// other entries of the document are processed as usual. Outcomes are asserted, never times.
/// </summary>
public sealed class ArticleProcessorBudgetTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri DocumentUrl = new("https://news.example/feed.xml");

    private static ParsedEntry Normal(string id) => new() { Id = id, Title = $"Story {id}", Content = $"<p>Text of <b>{id}</b>.</p>" };

    private static (IReadOnlyList<Article> Articles, List<string> Warnings) Process(
        ParsedEntry hostile, ProcessingOptions? options = null, TimeProvider? time = null)
    {
        var processor = new ArticleProcessor(Sanitizer, Options.Create(options ?? new ProcessingOptions()), time);
        var feed = new ParsedFeed { Format = FeedFormat.Rss20, Entries = [Normal("first"), hostile, Normal("last")] };
        var warnings = new List<string>();
        return (processor.Process(feed, DocumentUrl, feedId: 1, warnings), warnings);
    }

    private static void AssertOthersUntouched(IReadOnlyList<Article> articles)
    {
        Assert.Equal(3, articles.Count);
        Assert.Equal("<p>Text of <b>first</b>.</p>", articles[0].ContentHtml);
        Assert.Equal("<p>Text of <b>last</b>.</p>", articles[2].ContentHtml);
    }

    [Fact]
    public void Sixteen_megabytes_of_bold_xs_are_cut_at_the_cap_with_a_warning()
    {
        // The case: <b>x</b> repeated until the item is 16 MB (780,000 times in the report).
        var hostile = new ParsedEntry { Id = "bold", Content = string.Concat(Enumerable.Repeat("<b>x</b>", 2_000_000)) };

        var (articles, warnings) = Process(hostile);

        AssertOthersUntouched(articles);
        var content = articles[1].ContentHtml!;
        Assert.StartsWith("<b>x</b><b>x</b>", content);
        Assert.EndsWith("<b>x</b>", content);
        Assert.True(content.Length <= 1024 * 1024, $"{content.Length} characters kept");
        var warning = Assert.Single(warnings);
        Assert.Contains("entry 'bold'", warning);
        Assert.Contains("cut to 1024 KB (Processing:MaxEntryHtmlBytes)", warning);
        Assert.True(articles[1].Fingerprint is not null || articles[1].Title.Length > 0);
    }

    public static TheoryData<string, string> Shapes => new()
    {
        { "siblings", string.Concat(Enumerable.Repeat("<font>x</font> ", 40_000)) },
        { "deep nesting", string.Concat(Enumerable.Repeat("<div><span>x", 30_000)) },
        { "deep misnesting", "<font>" + string.Concat(Enumerable.Repeat("<b><i>x</b>", 20_000)) },
        { "long attribute list", "<p " + string.Join(' ', Enumerable.Range(0, 40_000).Select(i => $"data-a{i}=\"v{i}\"")) + ">x</p>" },
        { "many entities", "<p>" + string.Concat(Enumerable.Repeat("&eacute;&#8217;&amp;&copy2024 ", 30_000)) + "</p>" },
        { "unclosed comments", string.Concat(Enumerable.Repeat("<!-- x <a \" ", 30_000)) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Markup_heavy_shapes_end_cut_and_reported_while_the_other_entries_are_stored(string shape, string html)
    {
        var options = new ProcessingOptions { MaxEntryHtmlBytes = 64 * 1024 };
        var hostile = new ParsedEntry { Id = shape, Content = html };

        var (articles, warnings) = Process(hostile, options);

        AssertOthersUntouched(articles);
        var content = articles[1].ContentHtml ?? "";
        // Whatever path it took, what is kept is bounded by the cap (or is the text kept when time ran out).
        Assert.True(content.Length <= options.MaxEntryHtmlBytes, $"{content.Length} characters kept");
        Assert.Contains(warnings, w => w.StartsWith($"entry '{shape}':", StringComparison.Ordinal) && w.Contains("cut", StringComparison.Ordinal));
    }

    [Fact]
    public void Once_the_time_is_up_the_rest_of_an_entry_is_stored_as_its_text_cut_with_a_warning()
    {
        // Every look at the clock finds it 3 s later: the 2 s budget is spent before the first sanitize.
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(3) };
        var processor = new ArticleProcessor(Sanitizer, Options.Create(new ProcessingOptions()), time);
        var words = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"word{i}"));
        var feed = new ParsedFeed
        {
            Format = FeedFormat.Rss20,
            Entries = [new ParsedEntry { Id = "slow", Title = "Slow", Summary = "<p>A & B</p>", Content = $"<div><script>x()</script><p>{words}</p></div>" }],
        };
        var warnings = new List<string>();

        var article = processor.Process(feed, DocumentUrl, 1, warnings).Single();

        Assert.Equal("<p>A &amp; B</p>", article.SummaryHtml);
        Assert.StartsWith("<p>word0 word1 ", article.ContentHtml);
        Assert.EndsWith("…</p>", article.ContentHtml);
        Assert.DoesNotContain("x()", article.ContentHtml);
        Assert.True(article.ContentHtml!.Length <= EntryBudget.FallbackTextLength + 16);
        Assert.Equal(["entry 'slow': not processed within 2 s (Processing:MaxEntryTime); stored as text, cut to 20000 characters"], warnings);
    }

    [Fact]
    public void A_full_parse_that_outlasts_the_budget_is_stopped_and_the_entry_kept_as_text()
    {
        // Misnested formatting tags cost AngleSharp time quadratic in their depth: seconds for this
        // one. With a 10 ms budget the parse is cancelled, whatever the machine. Every piece of it
        // holds a <font>, so no piece takes the fast path: on a fast machine the first piece alone
        // could end within the budget and leave the rest to the fast path, uncancelled.
        var options = new ProcessingOptions { MaxEntryTime = TimeSpan.FromMilliseconds(10) };
        var hostile = new ParsedEntry { Id = "nested", Content = string.Concat(Enumerable.Repeat("<font><b>x", 30_000)) };

        var (articles, warnings) = Process(hostile, options, TimeProvider.System);

        Assert.Equal(3, articles.Count);
        Assert.Matches("^<p>x+…?</p>$", articles[1].ContentHtml);
        Assert.Contains(warnings, w => w.StartsWith("entry 'nested': not processed within 0.01 s", StringComparison.Ordinal));
    }
}
