namespace FeedAggregator.Processing.Html;

/// <summary>
/// What the HTML tree builder does with one allowed tag, as far as the fast path must know: a
/// void element has no end tag; some start tags close an open <c>p</c>; table parts only nest
/// in their own parent (anywhere else the builder inserts, moves or ignores them).
/// </summary>
internal sealed record TagRule(string Name)
{
    public bool IsVoid { get; private init; }

    /// <summary>A start tag that closes a <c>p</c> in button scope (HTML "in body": address, div, p, table...).</summary>
    public bool ClosesParagraph { get; private init; }

    public bool IsHeading { get; private init; }

    /// <summary>An element whose children are table parts; text in it may only be whitespace.</summary>
    public bool HoldsTableParts { get; private init; }

    /// <summary>The parents this tag may open in on the fast path, when it needs one (table parts, list items, ruby text).</summary>
    public string[]? Parents { get; private init; }

    /// <summary>The boundary of "button scope" among the allowed tags: a <c>p</c> outside it is not closed.</summary>
    public bool BoundsScope { get; private init; }

    public static TagRule For(string name) => new(name)
    {
        IsVoid = name is "br" or "col" or "hr" or "img" or "source" or "track" or "wbr",
        ClosesParagraph = name is "blockquote" or "details" or "div" or "dl" or "figcaption" or "figure" or "ol" or "p"
            or "summary" or "ul" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "li" or "dd" or "dt"
            or "table" or "hr",
        IsHeading = name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6",
        HoldsTableParts = name is "table" or "thead" or "tbody" or "tfoot" or "tr" or "colgroup",
        BoundsScope = name is "table" or "td" or "th" or "caption",
        Parents = name switch
        {
            "caption" or "colgroup" or "thead" or "tbody" or "tfoot" => ["table"],
            "tr" => ["thead", "tbody", "tfoot"],
            "td" or "th" => ["tr"],
            "col" => ["colgroup"],
            // A list item closes an open one; in its list it cannot be open.
            "li" => ["ul", "ol"],
            "dd" or "dt" => ["dl"],
            "rt" or "rp" => ["ruby"],
            _ => null,
        },
    };
}
