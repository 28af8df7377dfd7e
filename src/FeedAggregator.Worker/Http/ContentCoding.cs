namespace FeedAggregator.Worker.Http;

/// <summary>Picks the content coding of a precompressed document from Accept-Encoding (RFC 9110 12.5.3).</summary>
internal static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>"br", "gzip", or null for the identity coding; Brotli first, as it is the smaller.</summary>
    public static string? Choose(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return null;
        }

        bool br = false, gzip = false, any = false;
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var semicolon = part.IndexOf(';', StringComparison.Ordinal);
            var name = (semicolon < 0 ? part : part[..semicolon]).Trim();
            var accepted = semicolon < 0 || !IsZeroQuality(part[(semicolon + 1)..]);
            if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase)) br = accepted;
            else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)) gzip = accepted;
            else if (name == "*") any = accepted;
        }

        return br || (any && !Mentions(acceptEncoding, Brotli)) ? Brotli
            : gzip || (any && !Mentions(acceptEncoding, Gzip)) ? Gzip
            : null;
    }

    private static bool IsZeroQuality(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return q <= 0;
            }
        }

        return false;
    }

    // "*" covers only the codings the header does not name (so "br;q=0, *" still refuses br).
    private static bool Mentions(string header, string coding) =>
        header.Split(',').Any(p => p.Split(';')[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase));
}
