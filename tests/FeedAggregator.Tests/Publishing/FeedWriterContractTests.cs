using System.Text;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>What every writer promises, whatever its format.</summary>
public sealed class FeedWriterContractTests
{
    private static IFeedWriter[] Writers() => [new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter(), new HtmlPageWriter()];

    [Fact]
    public void Each_writer_renders_its_own_document()
    {
        var documents = Writers().Select(w => w.Document);

        Assert.Equal(FeedDocument.All, documents);
    }

    [Fact]
    public void Output_is_strict_utf8_without_a_byte_order_mark()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var feed = PublishingSamples.Feed(
            PublishingSamples.English(), PublishingSamples.Arabic(), PublishingSamples.PodcastEpisode(), PublishingSamples.ControlCharacters());

        foreach (var writer in Writers())
        {
            var bytes = writer.Write(feed);

            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), writer.Document.FileName);
            var text = strict.GetString(bytes);
            Assert.DoesNotContain('\uFFFD', text);
            Assert.Contains("المكتبة", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Same_feed_renders_the_same_bytes()
    {
        foreach (var writer in Writers())
        {
            Assert.Equal(writer.Write(PublishingSamples.Mixed()), writer.Write(PublishingSamples.Mixed()));
        }
    }
}
