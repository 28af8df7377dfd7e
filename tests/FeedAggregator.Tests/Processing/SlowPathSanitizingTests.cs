using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// The full parse (AngleSharp and HtmlSanitizer) that irregular HTML takes: a document up to
/// 64K characters is parsed whole, in standards mode; a larger one a piece at a time.
/// </summary>
public sealed class SlowPathSanitizingTests
{
    private static readonly ContentSanitizer Sanitizer = new();

    // Misnested tags: the fast path gives this document to the full parse.
    private const string Irregular = "<b><i>misnested</b></i>";

    private static string Document(int length)
    {
        const string head = Irregular + "<div>";
        const string tail = "<p>end</p></div>";
        return head + new string('w', length - head.Length - tail.Length) + tail;
    }

    [Fact]
    public void A_document_of_64K_characters_is_parsed_whole_so_an_element_spanning_it_stays_one()
    {
        var html = Document(64 * 1024);
        Assert.False(Sanitizer.TryFastPath(html, null, out _));

        var clean = Sanitizer.Sanitize(html, null);

        Assert.EndsWith("<p>end</p></div>", clean);
    }

    [Fact]
    public void A_larger_document_is_sanitized_a_piece_at_a_time_and_keeps_every_piece()
    {
        var pieces = Enumerable.Range(0, 3000).Select(i => $"<p>para {i}</p><script>bad({i})</script>");
        var html = Irregular + string.Concat(pieces);
        Assert.True(html.Length > 64 * 1024);

        var clean = Sanitizer.Sanitize(html, null)!;

        Assert.StartsWith("<b><i>misnested</i></b>", clean);
        Assert.Contains("<p>para 0</p>", clean);
        Assert.Contains("<p>para 1500</p>", clean);
        Assert.EndsWith("<p>para 2999</p>", clean);
        Assert.DoesNotContain("bad(", clean);
    }

    [Fact]
    public void The_full_parse_is_in_standards_mode_where_a_table_closes_a_paragraph() =>
        Assert.StartsWith("<p>a</p><table>", Sanitizer.SanitizeWithoutFastPath("<p>a<table><tr><td>b</td></tr></table>", null));

    [Fact]
    public void Without_a_base_relative_links_are_kept_relative()
    {
        Assert.Equal("<a href=\"/a\" rel=\"noopener noreferrer\">x</a>", Sanitizer.SanitizeWithoutFastPath("<a href=\"/a\">x</a>", null));
        Assert.Contains("<a href=\"/a\" rel=\"noopener noreferrer\">x</a>", Sanitizer.Sanitize(Irregular + "<a href=\"/a\">x</a>", null));
    }

    [Fact]
    public void A_protocol_relative_embed_is_fetched_over_https_whatever_the_feed_scheme()
    {
        var clean = Sanitizer.SanitizeWithoutFastPath("<iframe src=\"//www.youtube.com/embed/abc\"></iframe>", new Uri("http://blog.example/post"));
        Assert.Contains("src=\"https://www.youtube.com/embed/abc\"", clean);
    }
}
