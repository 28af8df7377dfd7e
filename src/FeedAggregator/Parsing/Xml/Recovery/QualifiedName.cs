using System.Xml;

namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>Names as the namespace-aware reader accepts them: an NCName, or prefix:NCName.</summary>
internal static class QualifiedName
{
    /// <summary>Where a tag's name ends: at whitespace, "/", "&gt;", "&lt;", "=", a quote or the end.</summary>
    public static int End(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('/' or '>' or '<' or '=' or '"' or '\''))
            i++;
        return i;
    }

    public static bool IsValid(ReadOnlySpan<char> name)
    {
        var colon = name.IndexOf(':');
        return colon < 0 ? IsNCName(name) : IsNCName(name[..colon]) && IsNCName(name[(colon + 1)..]);
    }

    /// <summary>A valid name for an element: the xmlns prefix is reserved for declarations.</summary>
    public static bool IsValidElement(ReadOnlySpan<char> name) =>
        IsValid(name) && !name.StartsWith("xmlns:", StringComparison.Ordinal);

    public static string Prefix(string name)
    {
        var colon = name.IndexOf(':');
        return colon < 0 ? "" : name[..colon];
    }

    public static string LocalName(string name)
    {
        var colon = name.IndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    private static bool IsNCName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !XmlConvert.IsStartNCNameChar(name[0]))
            return false;
        foreach (var c in name[1..])
        {
            if (!XmlConvert.IsNCNameChar(c))
                return false;
        }
        return true;
    }
}
