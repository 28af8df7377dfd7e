using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Stories;

/// <summary>The "Dedupe" config section: when two texts are one story.</summary>
public sealed class DedupeOptions
{
    public const string SectionName = "Dedupe";

    /// <summary>
    /// The estimated Jaccard similarity of word shingles (3 words, folded text) at or above which
    /// an article joins an existing story. Republications and wire copy with small edits score
    /// 0.6 to 1; different articles about the same event stay under 0.2.
    /// </summary>
    [Range(0.2, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.5;
}
