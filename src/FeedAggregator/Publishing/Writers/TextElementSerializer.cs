using System.Runtime.Serialization;
using System.Xml;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// Writes a string extension element's text, as DataContractSerializer writes a string's content,
/// without it: given a string as an object, SyndicationElementExtension builds a DataContractSerializer,
/// whose data contracts and generated writers the service otherwise never needs (RSS's
/// content:encoded and dc:creator are its only users). Write-only: the feeds are never read back.
/// </summary>
internal sealed class TextElementSerializer : XmlObjectSerializer
{
    public static readonly TextElementSerializer Instance = new();

    private TextElementSerializer()
    {
    }

    public override void WriteStartObject(XmlDictionaryWriter writer, object? graph) =>
        throw new NotSupportedException("Only the content of an extension element with a name is written.");

    public override void WriteObjectContent(XmlDictionaryWriter writer, object? graph)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString((string?)graph);
    }

    public override void WriteEndObject(XmlDictionaryWriter writer) =>
        throw new NotSupportedException("Only the content of an extension element with a name is written.");

    public override bool IsStartObject(XmlDictionaryReader reader) => throw new NotSupportedException("Write-only.");

    public override object? ReadObject(XmlDictionaryReader reader, bool verifyObjectName) => throw new NotSupportedException("Write-only.");
}
