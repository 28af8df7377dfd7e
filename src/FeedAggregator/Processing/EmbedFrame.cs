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

    public static void Shape(IElement iframe)
    {
        if (EmbedAllowList.Check(iframe.GetAttribute("src")) is not { } player)
        {
            iframe.Remove(); // with its content
            return;
        }
        foreach (var name in iframe.Attributes.Select(a => a.Name).Where(n => !Kept.Contains(n)).ToList())
            iframe.RemoveAttribute(name);
        // The URL written is the one that was checked, so a browser cannot read it differently.
        iframe.SetAttribute("src", player.AbsoluteUri);
        iframe.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
        iframe.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        iframe.SetAttribute("loading", "lazy");
        // Fallback text in an iframe is never shown by a browser that can show the frame.
        iframe.TextContent = "";
    }
}
