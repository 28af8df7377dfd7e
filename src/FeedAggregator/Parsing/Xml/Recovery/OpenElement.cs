namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>An element the re-reader has opened and not yet closed.</summary>
/// <param name="Name">The qualified name, as written.</param>
/// <param name="LocalName">The name without its prefix.</param>
/// <param name="OutputStart">Where its start tag begins in the output (an entry cut off is taken back from there).</param>
/// <param name="Declared">The prefixes its own xmlns: attributes declare, if any.</param>
internal sealed record OpenElement(string Name, string LocalName, int OutputStart, List<string>? Declared)
{
    /// <summary>item (RSS) or entry (Atom): elements that never nest in a feed.</summary>
    public bool IsEntry => LocalName is "item" or "entry";

    /// <summary>The elements an entry or a channel holds its entries and fields in.</summary>
    public bool IsContainer => IsEntry || LocalName is "channel" or "feed" or "rss" or "RDF";
}
