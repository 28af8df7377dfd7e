using System.Text;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>UTF-8 written into the buffer reaches the text writer as text, whatever the blocks.</summary>
public sealed class TextWriterBufferTests
{
    [Fact]
    public void A_character_split_between_two_blocks_arrives_whole()
    {
        var output = new StringWriter();
        var buffer = new TextWriterBuffer(output);
        var bytes = Encoding.UTF8.GetBytes("caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \U0001F600");

        // One byte at a time: every multi-byte character is split.
        foreach (var b in bytes)
        {
            buffer.GetSpan(1)[0] = b;
            buffer.Advance(1);
        }
        buffer.Flush();

        Assert.Equal("caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \U0001F600", output.ToString());
    }

    [Fact]
    public void A_block_larger_than_its_buffer_is_written_whole()
    {
        var output = new StringWriter();
        var buffer = new TextWriterBuffer(output);
        var text = string.Concat(Enumerable.Repeat("\u0627\u0644\u0633\u0644\u0627\u0645 ", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);

        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
        buffer.Flush();

        Assert.Equal(text, output.ToString());
    }
}
