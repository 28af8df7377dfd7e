using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>A Syndication formatter's document as bytes: UTF-8 without BOM, indented, strict characters.</summary>
internal static class SyndicationDocument
{
    // CheckCharacters stays on: CharacterFilter removes what XML cannot carry, and a miss should
    // fail loudly here rather than publish a document no reader can parse.
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    public static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            formatter.WriteTo(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
