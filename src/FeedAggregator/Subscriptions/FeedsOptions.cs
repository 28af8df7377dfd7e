using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Subscriptions;

/// <summary>The "Feeds" config section.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>The OPML subscription list; relative paths resolve against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string File { get; set; } = "config/feeds.opml";
}
