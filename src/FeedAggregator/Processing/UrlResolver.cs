namespace FeedAggregator.Processing;

/// <summary>Makes links absolute http(s) URLs; anything else (javascript:, data:, junk) is dropped.</summary>
public static class UrlResolver
{
    public static string? Resolve(string? link, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link))
            return null;
        link = link.Trim();
        Uri? uri;
        if (!Uri.TryCreate(link, UriKind.Absolute, out uri) || uri.IsFile)
        {
            if (baseUrl is null || !Uri.TryCreate(baseUrl, link, out uri))
                return null;
        }

        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }
}
