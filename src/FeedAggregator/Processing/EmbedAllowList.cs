namespace FeedAggregator.Processing;

/// <summary>
/// The players an article may embed: a short, named list of video and audio hosts, each with the
/// path its embeddable player lives under. Anything else in an iframe is a page we did not vet.
/// </summary>
internal static class EmbedAllowList
{
    private static readonly (string Host, string PathPrefix)[] Players =
    [
        ("www.youtube.com", "/embed/"),
        ("www.youtube-nocookie.com", "/embed/"),
        ("player.vimeo.com", "/video/"),
        ("www.dailymotion.com", "/embed/"),
        ("w.soundcloud.com", "/player/"),
        ("open.spotify.com", "/embed/"),
        ("bandcamp.com", "/EmbeddedPlayer/"),
    ];

    /// <summary>The embed's URL in the form that was checked, or null when it is not an allowed player.</summary>
    public static Uri? Check(string? src)
    {
        // Only an absolute https URL with no userinfo and no odd port: "https://www.youtube.com@evil.net/"
        // names evil.net, and the host must match exactly so "youtube.com.evil.net" is not YouTube.
        if (!Uri.TryCreate(src?.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || uri.UserInfo.Length > 0
            || !uri.IsDefaultPort)
            return null;
        foreach (var (host, pathPrefix) in Players)
        {
            if (string.Equals(uri.IdnHost, host, StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
                return uri;
        }
        return null;
    }
}
