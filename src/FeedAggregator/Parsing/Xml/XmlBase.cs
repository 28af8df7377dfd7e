namespace FeedAggregator.Parsing.Xml;

/// <summary>xml:base handling: a value resolved against the base in scope, never thrown on.</summary>
internal static class XmlBase
{
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
}
