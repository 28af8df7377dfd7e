using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Parsing;

/// <summary>Limits that keep one hostile or broken document from costing more than it is worth.</summary>
public sealed class ParsingOptions
{
    public const string SectionName = "Parsing";

    /// <summary>Entries kept from one document; the rest are skipped with a warning.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEntries { get; set; } = 5000;

    /// <summary>Larger documents are refused before any parsing.</summary>
    [Range(1024, long.MaxValue / 2)]
    public long MaxDocumentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Characters entity expansion may produce (DTDs are ignored, so this is a second fence).</summary>
    [Range(1, 1024 * 1024)]
    public long MaxEntityCharacters { get; set; } = 1024;

    /// <summary>Nesting depth allowed in JSON documents.</summary>
    [Range(8, 1000)]
    public int MaxJsonDepth { get; set; } = 64;
}
