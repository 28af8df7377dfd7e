namespace FeedAggregator.Seeding;

/// <summary>The "Seeds" config section.</summary>
public sealed class SeedsOptions
{
    public const string SectionName = "Seeds";

    /// <summary>The folder of seed documents; relative paths resolve against the content root.</summary>
    public string Directory { get; set; } = "seeds";

    /// <summary>The name of the source the seed articles are attributed to.</summary>
    public string SourceTitle { get; set; } = "FeedAggregator seeds";
}
