namespace FeedAggregator.Parsing.Xml;

/// <summary>Small shared judgements about the values entries carry.</summary>
internal static class EntryLinks
{
    /// <summary>An absolute http(s) URL: a guid or an rdf:about that can stand in for a link.</summary>
    public static bool LooksLikeWebUrl(string? value) =>
        value is not null
        && (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(value, UriKind.Absolute, out _);

    /// <summary>The entry's own base, reported only when it differs from the feed's.</summary>
    public static Uri? OwnBase(Uri? inScope, string? xmlBase, Uri? feedBase)
    {
        var resolved = XmlBase.Resolve(inScope, xmlBase);
        return resolved == feedBase ? null : resolved;
    }

    /// <summary>An enclosure length: a non-negative number, else null.</summary>
    public static long? Length(string? value) =>
        long.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            ? length
            : null;
}
