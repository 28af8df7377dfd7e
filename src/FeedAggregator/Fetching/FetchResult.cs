namespace FeedAggregator.Fetching;

/// <summary>The result of one fetch: content, not modified, gone, or failed, never an exception.</summary>
public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }

    /// <summary>The final HTTP status, or null when no response arrived (timeout, DNS, refused).</summary>
    public int? StatusCode { get; init; }

    /// <summary>The decompressed body (Content only).</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header as sent (for the charset), if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>Validators to send next time (kept only from 200 responses).</summary>
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>The URL the content finally came from, after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>Set when every redirect on the way was permanent (301/308): the feed's new URL.</summary>
    public Uri? PermanentUrl { get; init; }

    /// <summary>When the server asked us to come back (429/503 Retry-After), UTC.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>How long the server says the document stays fresh (Cache-Control max-age, else Expires).</summary>
    public TimeSpan? CacheLifetime { get; init; }

    /// <summary>The response's <c>Link</c> header values as sent (Content only): where a WebSub hub is declared.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
    /// <summary>Why a Failed fetch failed, as a class (for metrics).</summary>
    public FetchFailure? Failure { get; init; }

    /// <summary>A clear message for Failed (and Gone): what went wrong, for the feed's status.</summary>
    public string? Error { get; init; }
}
