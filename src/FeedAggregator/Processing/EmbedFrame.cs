using AngleSharp.Dom;

namespace FeedAggregator.Processing;

/// <summary>
/// An iframe that survived the allow-list: kept only when it embeds a player of
/// <see cref="EmbedAllowList"/>, and then with our sandbox, not whatever the feed asked for.
/// </summary>
internal static class EmbedFrame
{
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "src", "width", "height", "title", "allowfullscreen",
    };

    private static readonly KeyValuePair<string, string>[] Ours =
    [
        new("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation"),
        new("referrerpolicy", "strict-origin-when-cross-origin"),
        new("loading", "lazy"),
    ];

    /// <summary>The attributes the embed keeps, in order, or null when it goes (with its content).</summary>
    public static List<KeyValuePair<string, string>>? Shape(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var src = attributes.FirstOrDefault(a => a.Key.Equals("src", StringComparison.OrdinalIgnoreCase)).Value;
        if (EmbedAllowList.Check(src) is not { } player)
            return null;
        // The URL written is the one that was checked, so a browser cannot read it differently.
        var shaped = attributes
            .Where(a => Kept.Contains(a.Key))
            .Select(a => a.Key.Equals("src", StringComparison.OrdinalIgnoreCase) ? new(a.Key, player.AbsoluteUri) : a)
            .ToList();
        shaped.AddRange(Ours);
        return shaped;
    }

    public static void Shape(IElement iframe)
    {
        if (Shape([.. iframe.Attributes.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))]) is not { } shaped)
        {
            iframe.Remove(); // with its content
            return;
        }

        foreach (var name in iframe.Attributes.Select(a => a.Name).ToList())
            iframe.RemoveAttribute(name);
        foreach (var (name, value) in shaped)
            iframe.SetAttribute(name, value);
        // Fallback text in an iframe is never shown by a browser that can show the frame.
        iframe.TextContent = "";
    }
}
