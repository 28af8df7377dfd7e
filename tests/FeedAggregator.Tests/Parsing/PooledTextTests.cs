using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The pooled buffer documents are decoded and rewritten into.</summary>
public sealed class PooledTextTests
{
    [Fact]
    public void Grows_to_hold_whatever_is_appended()
    {
        using var text = new PooledText(0);
        var big = new string('x', 5000);

        text.Append('<');
        text.Append(big);
        for (var k = 0; k < 600; k++)
            text.Append('y');

        Assert.Equal("<" + big + new string('y', 600), text.Span.ToString());
        Assert.Equal(5601, text.Length);
    }

    [Fact]
    public void Keeps_the_trimmed_text_when_it_grows()
    {
        // 256 characters fill the smallest buffer, so the next append moves what is left after the trim.
        using var text = new PooledText(0);
        text.Append(" \t\uFEFF\n abc" + new string('w', 248));
        text.TrimStart();

        text.Append(new string('z', 1000));

        Assert.Equal("abc" + new string('w', 248) + new string('z', 1000), text.Span.ToString());
    }

    [Fact]
    public void Truncate_counts_from_the_trimmed_start_and_never_past_the_end()
    {
        using var text = new PooledText(0);
        text.Append("   abcdef");
        text.TrimStart();

        text.Truncate(100);
        Assert.Equal("abcdef", text.Span.ToString());
        text.Truncate(2);
        Assert.Equal("ab", text.Span.ToString());
        text.Truncate(-1);
        Assert.Equal(0, text.Length);
    }

    [Fact]
    public void Trimming_all_whitespace_leaves_nothing_even_with_more_whitespace_past_the_end()
    {
        using var text = new PooledText(0);
        text.Append("      ");
        text.Truncate(2);

        text.TrimStart();

        Assert.Equal(0, text.Length);
        Assert.Equal("", text.Span.ToString());
    }

    [Fact]
    public void Written_through_get_span_and_advance()
    {
        using var text = new PooledText(0);
        text.Append("ab");

        var room = text.GetSpan(700);
        room.Fill('c');
        text.Advance(700);

        Assert.Equal("ab" + new string('c', 700), text.Span.ToString());
    }

    [Fact]
    public void The_reader_reads_the_text_and_then_reports_its_end()
    {
        using var text = new PooledText(0);
        text.Append("  <r>abcdef</r>");
        text.TrimStart();
        text.Truncate(8);

        using var reader = text.OpenReader();

        Assert.Equal('<', reader.Peek());
        Assert.Equal('<', reader.Read());
        Assert.Equal('r', reader.Read());
        var buffer = new char[4];
        Assert.Equal(3, reader.Read(buffer, 1, 3));
        Assert.Equal(">ab", new string(buffer, 1, 3));
        Assert.Equal("cde", reader.ReadToEnd());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(-1, reader.Read());
        Assert.Equal(0, reader.Read(buffer, 0, 4));
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_leaves_it_empty()
    {
        var text = new PooledText(10);
        text.Append("abc");

        text.Dispose();
        text.Dispose();

        Assert.Equal(0, text.Length);
    }
}
