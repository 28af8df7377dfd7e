using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>Reading text and markup out of the elements of an entry.</summary>
internal static class XmlContent
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    // The reader lets control characters through (CheckCharacters = false), so the writer must too.
    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        CheckCharacters = false,
        OmitXmlDeclaration = true,
        NewLineHandling = NewLineHandling.None,
    };

    /// <summary>The element's text, or null when absent or blank.</summary>
    public static string? Text(XmlField? field) =>
        field is null || string.IsNullOrWhiteSpace(field.Text) ? null : field.Text.Trim();

    /// <summary>The element's text, or null when absent or blank.</summary>
    public static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>
    /// HTML carried in an element: usually escaped text or CDATA, but some feeds put raw
    /// (well-formed) markup inside; that markup is kept, not flattened to its text.
    /// </summary>
    public static string? Html(XmlField? field)
    {
        if (field is null)
            return null;
        var html = field.Tree is { } tree ? InnerMarkup(tree) : field.Text;
        return string.IsNullOrWhiteSpace(html) ? null : html.Trim();
    }

    /// <summary>The child nodes serialized as HTML, namespaces dropped (for Atom xhtml content).</summary>
    public static string InnerMarkup(XElement element)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, FragmentSettings))
        {
            foreach (var node in element.Nodes())
                WithoutNamespaces(node).WriteTo(writer);
        }
        return text.ToString();
    }

    public static string? Attribute(XElement element, XName name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static XNode WithoutNamespaces(XNode node)
    {
        if (node is not XElement element)
            return node;

        var copy = new XElement(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
                continue;
            var name = attribute.Name.Namespace == XNamespace.Xml ? attribute.Name : attribute.Name.LocalName;
            if (copy.Attribute(name) is null)
                copy.Add(new XAttribute(name, attribute.Value));
        }
        foreach (var child in element.Nodes())
            copy.Add(WithoutNamespaces(child));

        // "<div/>" is an open tag to an HTML parser; give non-void elements an end tag.
        if (copy.IsEmpty && !VoidElements.Contains(copy.Name.LocalName))
            copy.Add(string.Empty);
        return copy;
    }
}
