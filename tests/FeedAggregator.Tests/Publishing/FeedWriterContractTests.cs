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

    [Fact]
    public void A_null_feed_is_refused()
    {
        foreach (var writer in Writers())
        {
            Assert.Throws<ArgumentNullException>("feed", () => writer.Write(null!));
        }
    }

    [Fact]
    public void Xml_documents_are_declared_and_indented_by_two_spaces()
    {
        foreach (var writer in new IFeedWriter[] { new AtomFeedWriter(), new RssFeedWriter() })
        {
            var xml = Encoding.UTF8.GetString(writer.Write(PublishingSamples.Mixed()));

            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<", xml, StringComparison.Ordinal);
            // The root's first child: one level in.
            Assert.Matches("^  <[a-z]", xml.Split('\n')[2]);
        }
    }

    [Fact]
    public void Rss_declares_the_content_and_dublin_core_namespaces_once()
    {
        var xml = Encoding.UTF8.GetString(new RssFeedWriter().Write(PublishingSamples.Mixed()));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(xml, "xmlns:content="));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(xml, "xmlns:dc="));
        Assert.Contains("<content:encoded>", xml, StringComparison.Ordinal);
        Assert.Contains("<dc:creator>", xml, StringComparison.Ordinal);
    }
}
