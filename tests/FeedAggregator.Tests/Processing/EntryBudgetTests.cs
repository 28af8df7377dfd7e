using System.Text;
using FeedAggregator.Processing;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Processing;

/// <summary>What one entry may cost: HTML cut at a byte cap (never inside a character or, nearby, a tag), and text once time is up.</summary>
public sealed class EntryBudgetTests
{
    private const int CapBytes = 4096;

    private static EntryBudget Budget(List<string> warnings, TimeProvider? time = null, TimeSpan? maxTime = null) =>
        new(new ProcessingOptions { MaxEntryHtmlBytes = CapBytes, MaxEntryTime = maxTime ?? TimeSpan.FromSeconds(2) }, time ?? new FakeTimeProvider(), "'e'", warnings);

    private static (string? Kept, List<string> Warnings) Cap(string html)
    {
        var warnings = new List<string>();
        using var budget = Budget(warnings);
        return (budget.Cap(html, "content"), warnings);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("\u007F")] // the last one-byte character
    [InlineData("\u0080")] // the first two-byte one
    [InlineData("é")]
    [InlineData("\u07FF")]
    [InlineData("\u0800")] // the first three-byte one
    [InlineData("中")]
    [InlineData("\uFFFD")]
    [InlineData("😀")] // a surrogate pair: four bytes, never split
    [InlineData("a中😀é")]
    public void Html_over_the_cap_keeps_the_longest_prefix_that_fits_in_utf8(string unit)
    {
        var html = string.Concat(Enumerable.Repeat(unit, 5000));

        var (kept, warnings) = Cap(html);

        Assert.NotNull(kept);
        Assert.StartsWith(kept, html, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(kept) <= CapBytes, $"{Encoding.UTF8.GetByteCount(kept)} bytes kept");
        var next = char.IsHighSurrogate(html[kept.Length]) ? 2 : 1;
        Assert.True(Encoding.UTF8.GetByteCount(html[..(kept.Length + next)]) > CapBytes, "one more character would still have fitted");
        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.Single(warnings);
    }

    [Fact]
    public void Html_within_the_cap_is_kept_whole_without_a_warning()
    {
        var html = new string('a', CapBytes);
        var (kept, warnings) = Cap(html);
        Assert.Same(html, kept);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_cut_is_a_warning_naming_the_entry_the_field_and_both_sizes() =>
        Assert.Equal(["entry 'e': its content of 8 KB was cut to 4 KB (Processing:MaxEntryHtmlBytes)"], Cap(new string('a', 9000)).Warnings);

    [Fact]
    public void A_cut_inside_a_tag_moves_to_before_it()
    {
        var html = "<p>" + new string('a', 4090) + "<b>bold</b></p>";
        Assert.Equal("<p>" + new string('a', 4090), Cap(html).Kept);
    }

    [Fact]
    public void A_cut_just_before_a_tag_keeps_nothing_of_what_follows()
    {
        var html = new string('a', CapBytes) + "b<i>x</i>";
        Assert.Equal(new string('a', CapBytes), Cap(html).Kept);
    }

    [Fact]
    public void The_opening_tag_alone_does_not_empty_the_cut()
    {
        var html = "<p>" + new string('a', 5000);
        Assert.Equal(html[..CapBytes], Cap(html).Kept);
    }

    [Fact]
    public void Only_a_tag_near_the_cut_moves_it()
    {
        // The last "<" is 8 KB back: the cut stays at the cap rather than dropping nearly everything.
        var html = "a<b>" + new string('a', 10_000);
        var warnings = new List<string>();
        using var budget = new EntryBudget(new ProcessingOptions { MaxEntryHtmlBytes = 8192 }, new FakeTimeProvider(), "'e'", warnings);
        Assert.Equal(html[..8192], budget.Cap(html, "content"));
    }

    [Fact]
    public void Missing_html_stays_missing() => Assert.Null(Cap(null!).Kept);

    [Fact]
    public void At_the_deadline_exactly_the_time_is_up_and_html_is_stored_as_its_text()
    {
        var time = new FakeTimeProvider();
        var warnings = new List<string>();
        using var budget = Budget(warnings, time);
        Assert.Equal("<p><b>bold</b> &amp; more</p>", budget.Sanitize(new ContentSanitizer(), "<p><b>bold</b> &amp; more</p>", null));

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(budget.Exceeded);
        Assert.Equal("<p>bold &amp; more</p>", budget.Sanitize(new ContentSanitizer(), "<p><b>bold</b> &amp; more</p>", null));
        Assert.Equal(["entry 'e': not processed within 2 s (Processing:MaxEntryTime); stored as text, cut to 20000 characters"], warnings);
    }

    [Fact]
    public void Irregular_html_gets_the_full_parse_while_time_is_left()
    {
        var warnings = new List<string>();
        using var budget = Budget(warnings);
        var clean = budget.Sanitize(new ContentSanitizer(), "<p><b><i>misnested</b></i> text", null);
        Assert.Contains("<b><i>misnested</i></b>", clean);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Html_that_outgrows_the_cap_when_sanitized_is_stored_as_its_text()
    {
        // Each kept link gains a rel attribute: 100 links fit the cap before, not after.
        var html = string.Concat(Enumerable.Repeat("<a href=\"https://x.example/\">x</a> ", 100));
        Assert.True(Encoding.UTF8.GetByteCount(html) <= CapBytes);
        var warnings = new List<string>();
        using var budget = Budget(warnings);

        var stored = budget.Sanitize(new ContentSanitizer(), html, null);

        Assert.Equal("<p>" + string.Join(' ', Enumerable.Repeat("x", 100)) + "</p>", stored);
        Assert.Equal(["entry 'e': its sanitized HTML is over 4 KB (Processing:MaxEntryHtmlBytes); stored as text, cut to 20000 characters"], warnings);
    }
}
