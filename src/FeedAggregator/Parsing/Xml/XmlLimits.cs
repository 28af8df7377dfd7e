namespace FeedAggregator.Parsing.Xml;

/// <summary>Bounds on the shape of an XML feed, beyond the size and entity limits of <see cref="ParsingOptions"/>.</summary>
internal static class XmlLimits
{
    /// <summary>
    /// Element nesting read into a tree. Markup is walked recursively when it is serialized, so a
    /// document nested a hundred thousand deep would end the process with a stack overflow; no feed
    /// needs more than a few dozen levels.
    /// </summary>
    public const int MaxDepth = 128;
}
