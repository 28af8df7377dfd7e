using System.Text;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>A parse output line held as UTF-8 segments comes out as the text that went in.</summary>
public sealed class Utf8LineTests
{
    // Two-, three- and four-byte characters, repeated past many segments and chunks, so that
    // characters fall across every kind of boundary.
    private static readonly string Long = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"{i} é مرحبا 新聞 😀 "));

    [Theory]
    [InlineData("")]
    [InlineData("{\"source\":\"a.xml\",\"ok\":true}")]
    [InlineData("ünïcödé مرحبا 😀")]
    public async Task A_short_line_comes_out_whole(string text)
    {
        using var line = Utf8Line.From(text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), line.Length);
        var block = new StringBuilder("before\n");
        line.AppendTo(block);
        Assert.Equal("before\n" + text, block.ToString());
        var output = new StringWriter();
        await line.WriteLineAsync(output, CancellationToken.None);
        Assert.Equal(text + "\n", output.ToString());
    }

    [Fact]
    public async Task A_line_of_many_segments_comes_out_character_for_character()
    {
        using var line = Utf8Line.From(Long);
        Assert.Equal(Encoding.UTF8.GetByteCount(Long), line.Length);
        var output = new StringWriter();
        await line.WriteLineAsync(output, CancellationToken.None);
        Assert.Equal(Long + "\n", output.ToString());
        var block = new StringBuilder();
        line.AppendTo(block);
        Assert.Equal(Long, block.ToString());
    }

    [Fact]
    public void A_character_split_between_two_segments_comes_out_whole()
    {
        // Byte by byte, the segments fill to their last byte, so characters straddle them.
        using var line = Utf8Line.Write(buffer =>
        {
            foreach (var b in Encoding.UTF8.GetBytes(Long))
            {
                buffer.GetSpan(1)[0] = b;
                buffer.Advance(1);
            }
        });
        var block = new StringBuilder();
        line.AppendTo(block);
        Assert.Equal(Long, block.ToString());
    }
}
