using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.WebSub;

/// <summary>
/// The "WebSub" config section: subscribing at the hubs feeds declare (W3C WebSub), so that their
/// new entries are pushed rather than waited for.
/// </summary>
public sealed class WebSubOptions
{
    public const string SectionName = "WebSub";

    /// <summary>False switches WebSub off. It is off anyway while Publishing:BaseUrl is not set.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often a feed is still polled while its pushes are relied on: a safety net that also
    /// notices when pushes stop. A feed whose own interval is longer keeps it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan FallbackInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The lease asked of a hub (hub.lease_seconds); the hub may grant another.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromDays(10);

    /// <summary>How long a hub has to verify a request before it counts as failed (and is retried later).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pushes accepted for one feed per minute; more are answered 429 (the hub retries later).</summary>
    [Range(1, 100_000)]
    public int MaxPushesPerMinute { get; set; } = 60;

    /// <summary>
    /// The address hubs call back: Publishing:BaseUrl when it is set explicitly (never the
    /// listening address it defaults to, which hubs on the internet cannot reach). Null: off.
    /// </summary>
    public Uri? CallbackBase { get; private set; }

    /// <summary>Subscribing is on: enabled, and an address hubs can reach is known.</summary>
    public bool Active => Enabled && CallbackBase is not null;

    /// <summary>Takes the configured Publishing:BaseUrl as it was written (null or blank: not set).</summary>
    public void UseCallbackBase(string? explicitBaseUrl)
    {
        CallbackBase = !string.IsNullOrWhiteSpace(explicitBaseUrl)
            && Uri.TryCreate(explicitBaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            ? uri
            : null;
    }
}
