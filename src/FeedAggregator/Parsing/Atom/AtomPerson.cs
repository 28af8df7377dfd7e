using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Atom;

/// <summary>An atom:author (in Atom, or inside an RSS item): its name and e-mail.</summary>
internal static class AtomPerson
{
    public static Author? Read(XmlField person, XNamespace ns) => person.Tree is { } tree
        ? AuthorText.Of(XmlContent.Text(tree.Element(ns + "name")), XmlContent.Text(tree.Element(ns + "email")))
        // <author>Jane Doe</author>: a slip, but the text is still the person.
        : AuthorText.Parse(person.Text);

    /// <summary>The atom:author elements named <paramref name="ns"/> among <paramref name="fields"/>.</summary>
    public static List<Author> All(XmlFieldSet fields, XNamespace ns)
    {
        var authors = new List<Author>(1);
        foreach (var field in fields.Fields)
        {
            if (field.Is(ns, "author"))
                AuthorText.Add(authors, Read(field, ns));
        }
        return authors;
    }
}
