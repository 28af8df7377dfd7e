using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Storage;

/// <summary>The "Storage" config section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; relative paths resolve against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "data/feedaggregator.db";
}
