using System.Xml.Linq;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// The child elements of one entry (or of a feed's metadata), in document order, with the
/// entry element's own attributes: what the format mappers read instead of a DOM.
/// </summary>
internal sealed class XmlFieldSet(XmlAttributeValue[] attributes, List<XmlField> fields)
{
    public IReadOnlyList<XmlField> Fields => fields;

    /// <summary>An attribute of the entry element itself (xml:base, xml:lang, rdf:about).</summary>
    public string? Attribute(string local, string attributeNamespace = "") =>
        XmlField.Find(attributes, local, attributeNamespace);

    /// <summary>The entry element's xml:base, as written.</summary>
    public string? XmlBase => Attribute("base", XNamespace.Xml.NamespaceName);

    /// <summary>The entry element's xml:lang.</summary>
    public string? XmlLang => Attribute("lang", XNamespace.Xml.NamespaceName);

    public XmlField? First(XNamespace ns, string localName)
    {
        foreach (var field in fields)
        {
            if (field.Is(ns, localName))
                return field;
        }
        return null;
    }

    public XmlField? Last(XNamespace ns, string localName)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Is(ns, localName))
                return fields[i];
        }
        return null;
    }

    public IEnumerable<XmlField> All(XNamespace ns, string localName) => fields.Where(f => f.Is(ns, localName));

    public void Add(XmlField field) => fields.Add(field);
}
