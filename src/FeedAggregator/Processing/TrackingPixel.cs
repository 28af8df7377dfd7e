using AngleSharp.Dom;

namespace FeedAggregator.Processing;

/// <summary>
/// A 0 or 1 pixel image is a read receipt, not a picture. Its size is read from the width and
/// height attributes and from the style attribute (which is checked here, before the allow-list
/// removes it).
/// </summary>
internal static class TrackingPixel
{
    public static bool Is(IElement image) =>
        Is(image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("style"));

    public static bool Is(string? width, string? height, string? style)
    {
        foreach (var declaration in (style ?? "").Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var property = declaration[..colon].Trim();
            var value = declaration[(colon + 1)..];
            // A later declaration wins, as in CSS.
            if (property.Equals("width", StringComparison.OrdinalIgnoreCase))
                width = value;
            else if (property.Equals("height", StringComparison.OrdinalIgnoreCase))
                height = value;
        }
        return IsTiny(width) && IsTiny(height);
    }

    private static bool IsTiny(string? size)
    {
        var value = (size ?? "").Replace("!important", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (value.EndsWith("px", StringComparison.OrdinalIgnoreCase))
            value = value[..^2].TrimEnd();
        return value is "0" or "1" or "0.0" or "1.0";
    }
}
