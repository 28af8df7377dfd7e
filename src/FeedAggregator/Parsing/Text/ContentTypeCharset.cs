namespace FeedAggregator.Parsing.Text;

/// <summary>The charset parameter of a Content-Type header value, if any.</summary>
internal static class ContentTypeCharset
{
    public static string? Parse(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return null;

        foreach (var parameter in contentType.Split(';').Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                continue;
            var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim();
            return value.Length == 0 ? null : value;
        }
        return null;
    }
}
