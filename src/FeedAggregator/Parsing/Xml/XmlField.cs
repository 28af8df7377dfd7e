using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// One element of a feed or an entry as read from the stream: its name, its attributes, its text
/// (all descendant text, as <see cref="XElement.Value"/> gives it) and, only when it has child
/// elements (markup content, an author, a media group), the element itself as a tree.
/// </summary>
internal sealed class XmlField(string ns, string localName, XmlAttributeValue[] attributes, string text, XElement? tree)
{
    public string Namespace => ns;
    public string LocalName => localName;
    public IReadOnlyList<XmlAttributeValue> Attributes => attributes;

    /// <summary>Every text node inside the element, concatenated, untrimmed.</summary>
    public string Text => text;

    /// <summary>The element with its children, or null when it holds only text.</summary>
    public XElement? Tree => tree;

    public bool Is(XNamespace name, string local) => localName == local && ns == name.NamespaceName;

    /// <summary>The attribute's trimmed value, or null when absent or blank.</summary>
    public string? Attribute(string local, string attributeNamespace = "") => Find(attributes, local, attributeNamespace);

    /// <summary>The named attribute's trimmed value among <paramref name="attributes"/>, or null when absent or blank.</summary>
    public static string? Find(XmlAttributeValue[] attributes, string local, string attributeNamespace)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.LocalName == local && attribute.Namespace == attributeNamespace)
                return string.IsNullOrWhiteSpace(attribute.Value) ? null : attribute.Value.Trim();
        }
        return null;
    }
}

/// <summary>An attribute as read from the stream (namespace declarations are not kept).</summary>
internal readonly record struct XmlAttributeValue(string Namespace, string LocalName, string Value);
