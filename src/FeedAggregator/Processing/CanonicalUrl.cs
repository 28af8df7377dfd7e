namespace FeedAggregator.Processing;

/// <summary>
/// The one spelling of an article's URL, used as its identity and published: scheme and host
/// lower-cased, the default port and the fragment dropped, tracking parameters removed, the
/// remaining query parameters sorted. Anything that is not an absolute http(s) URL is kept as is.
/// </summary>
public static class CanonicalUrl
{
    /// <summary>Parameters that only say where a click came from. Any name starting "utm_" is one too.</summary>
    public static IReadOnlySet<string> TrackingParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
        "yclid", "twclid", "ttclid", "li_fat_id", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking",
        "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "_openstat", "wt_mc", "wt.mc_id",
        "s_cid", "ref_src", "ref_url", "rb_clickid", "srsltid", "ncid", "at_medium", "at_campaign", "cmpid",
    };

    public static string? Clean(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return url;

        // Scheme and host come back lower-cased; Port is left out when it is the scheme's default.
        var head = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        return kept.Count == 0 ? head : head + "?" + string.Join('&', kept);
    }

    private static bool IsTracking(string parameter)
    {
        var name = Uri.UnescapeDataString(parameter.Split('=', 2)[0]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
