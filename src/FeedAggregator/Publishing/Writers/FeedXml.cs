using System.Text;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>How the XML formats are written: UTF-8 without BOM, indented, strict characters.</summary>
internal static class FeedXml
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

    public static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>An element with text, after removing characters XML cannot carry.</summary>
    public static void Text(XmlWriter writer, string name, string text, string? ns = null)
    {
        writer.WriteStartElement(name, ns);
        writer.WriteString(CharacterFilter.Strip(text));
        writer.WriteEndElement();
    }

    public static void Attribute(XmlWriter writer, string name, string value) =>
        writer.WriteAttributeString(name, CharacterFilter.Strip(value));
}
