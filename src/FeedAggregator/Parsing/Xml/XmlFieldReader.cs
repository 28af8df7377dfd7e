using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// Reads elements straight off the <see cref="XmlReader"/>: text-only elements (nearly all of a
/// feed) become a name and a string with no tree built; only an element that holds other elements
/// is read as an <see cref="XElement"/>. Entries are where parsing spends its time, and building a
/// DOM per entry cost more than reading the XML itself.
/// </summary>
internal static class XmlFieldReader
{
    /// <summary>The element the reader stands on and its children; leaves the reader after its end tag.</summary>
    public static XmlFieldSet ReadChildren(XmlReader reader)
    {
        var attributes = ReadAttributes(reader);
        var fields = new List<XmlField>(12);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new XmlFieldSet(attributes, fields);
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
                fields.Add(Read(reader));
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                break;
            }
            else
                reader.Read();
        }
        return new XmlFieldSet(attributes, fields);
    }

    /// <summary>The element the reader stands on; leaves the reader after its end tag.</summary>
    public static XmlField Read(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var localName = reader.LocalName;
        var attributes = ReadAttributes(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new XmlField(ns, localName, attributes, "", null);
        }

        // The common case, one text or CDATA node, costs one string and no copy.
        string? text = null;
        StringBuilder? more = null;
        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (text is null)
                        text = reader.Value;
                    else
                        (more ??= new StringBuilder(text)).Append(reader.Value);
                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return new XmlField(ns, localName, attributes, more?.ToString() ?? text ?? "", null);
                case XmlNodeType.Element:
                    var tree = ReadTree(reader, XNamespace.Get(ns) + localName, attributes, more?.ToString() ?? text);
                    return new XmlField(ns, localName, attributes, tree.Value, tree);
                case XmlNodeType.None:
                    throw new XmlException("unexpected end of the document");
                default:
                    reader.Read();
                    break;
            }
        }
    }

    // The rest of an element that turned out to hold elements, as a tree; the reader stands on the
    // first child. Built without recursion, and no deeper than XmlLimits.MaxDepth: markup is
    // serialized recursively later, and a hostile nesting must not end the process.
    private static XElement ReadTree(XmlReader reader, XName name, XmlAttributeValue[] attributes, string? textSoFar)
    {
        var tree = new XElement(name);
        foreach (var attribute in attributes)
            tree.SetAttributeValue(XNamespace.Get(attribute.Namespace) + attribute.LocalName, attribute.Value);
        if (textSoFar is not null)
            tree.Add(new XText(textSoFar));

        var current = tree;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth > XmlLimits.MaxDepth)
                        throw new XmlException($"elements are nested deeper than {XmlLimits.MaxDepth} levels");
                    var child = ReadElement(reader);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                        current = child;
                    reader.Read();
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(reader.Value));
                    reader.Read();
                    break;
                case XmlNodeType.CDATA:
                    current.Add(new XCData(reader.Value));
                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    if (current == tree)
                        return tree;
                    current = current.Parent!;
                    break;
                case XmlNodeType.None:
                    throw new XmlException("unexpected end of the document");
                default:
                    reader.Read();
                    break;
            }
        }
    }

    // The element the reader stands on, with its attributes; namespace declarations are not kept
    // (the names carry their namespaces, and markup is written out without them).
    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XNamespace.Get(reader.NamespaceURI) + reader.LocalName);
        while (reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI != XNamespace.Xmlns.NamespaceName)
                element.Add(new XAttribute(XNamespace.Get(reader.NamespaceURI) + reader.LocalName, reader.Value));
        }
        reader.MoveToElement();
        return element;
    }

    private static XmlAttributeValue[] ReadAttributes(XmlReader reader)
    {
        if (!reader.HasAttributes)
            return [];
        var attributes = new XmlAttributeValue[reader.AttributeCount];
        var count = 0;
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix != "xmlns" && !(reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                attributes[count++] = new XmlAttributeValue(reader.NamespaceURI, reader.LocalName, reader.Value);
        }
        reader.MoveToElement();
        return count == attributes.Length ? attributes : attributes[..count];
    }
}
