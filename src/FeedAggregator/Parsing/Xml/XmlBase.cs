namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// xml:base handling: a value resolved against the base in scope, never thrown on. An element's
/// base includes its own xml:base (XML Base 4.2): it applies to the element's attributes and to
/// relative URLs in its content, not only to its children.
/// </summary>
internal static class XmlBase
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public static Uri? Resolve(Uri? inScope, string? xmlBase)
    {
        if (string.IsNullOrWhiteSpace(xmlBase))
            return inScope;
        var value = xmlBase.Trim();
        // On Unix "/path" parses as an absolute file: URI; a base like that is relative in a feed.
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute)
            && (!absolute.IsFile || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
            return absolute;
        return inScope is not null && Uri.TryCreate(inScope, value, out var resolved) ? resolved : inScope;
    }

    /// <summary>The base of <paramref name="field"/>'s content, only when its own xml:base changes the one in scope.</summary>
    public static Uri? OwnBase(XmlField? field, Uri? inScope)
    {
        if (field?.Attribute("base", XmlNamespace) is not { } own)
            return null;
        var resolved = Resolve(inScope, own);
        return resolved == inScope ? null : resolved;
    }

    /// <summary>
    /// A URL from <paramref name="field"/> (an href, a link's text) resolved against the field's own
    /// xml:base when it has one; otherwise as given, for processing to resolve against the entry's base.
    /// </summary>
    public static string? Url(string? value, XmlField field, Uri? inScope)
    {
        if (value is null || OwnBase(field, inScope) is not { } fieldBase)
            return value;
        return Uri.TryCreate(fieldBase, value, out var absolute) ? absolute.AbsoluteUri : value;
    }
}
