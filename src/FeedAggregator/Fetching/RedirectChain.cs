namespace FeedAggregator.Fetching;

/// <summary>
/// The hops of one fetch. We follow redirects by hand so that we can tell a permanent move
/// (the subscription should change its URL) from a temporary one, refuse non-http schemes at
/// every hop, and name a loop instead of spinning.
/// </summary>
internal sealed class RedirectChain(Uri start, int maxRedirects)
{
    private readonly List<Uri> _hops = [start];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal) { Key(start) };

    /// <summary>Where the next request goes (and where the content finally came from).</summary>
    public Uri Current { get; private set; } = start;

    public int Redirects => _hops.Count - 1;

    /// <summary>True while every hop so far was a 301 or 308.</summary>
    public bool AllPermanent { get; private set; } = true;

    /// <summary>The new URL of the feed when every hop was permanent, else null.</summary>
    public Uri? PermanentUrl => Redirects > 0 && AllPermanent ? Current : null;

    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Null when the URL can be fetched, else why not.</summary>
    public static string? CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return $"not an absolute URL: {url.OriginalString}";
        }

        return url.Scheme is "http" or "https" ? null : $"unsupported scheme {url.Scheme}";
    }

    /// <summary>Moves to the Location of a redirect; returns null on success, else the error.</summary>
    public string? Follow(int status, string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return $"HTTP {status} redirect without a Location header";
        }

        // Resolving the raw string against the current URL handles "/path", "../x", "//host/x"
        // and absolute URLs alike (parsing "/path" alone would yield file:///path on Unix).
        if (!Uri.TryCreate(Current, location.Trim(), out var next))
        {
            return $"invalid redirect Location: {location}";
        }

        if (CheckScheme(next) is { } schemeError)
        {
            return $"{schemeError} (redirected to {next})";
        }

        if (Redirects >= maxRedirects)
        {
            return $"too many redirects (more than {maxRedirects})";
        }

        _hops.Add(next);
        if (!_seen.Add(Key(next)))
        {
            return $"redirect loop: {string.Join(" -> ", _hops)}";
        }

        AllPermanent &= status is 301 or 308;
        Current = next;
        return null;
    }

    // The fragment never reaches the server, so it cannot make two hops different.
    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
}
