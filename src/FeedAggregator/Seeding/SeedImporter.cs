using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Seeding;

/// <summary>
/// Imports the seed documents as articles of one source. Idempotent: an article's id comes from
/// its text, so a restart or a second import adds nothing.
/// </summary>
public sealed class SeedImporter(
    IFeedStore feeds,
    IArticleStore articles,
    ArticleProcessor processor,
    IOptions<SeedsOptions> options,
    TimeProvider time,
    ILogger<SeedImporter> logger)
{
    /// <summary>The URL that names the seed source (it is never fetched).</summary>
    public const string SourceUrl = "urn:feedaggregator:seeds";

    public async Task<StoreSummary> ImportAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Seeding: no seed folder at {SeedDirectory}; nothing imported", directory);
            return new StoreSummary(0, 0, 0);
        }

        var entries = new List<ParsedEntry>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            try
            {
                var text = await File.ReadAllTextAsync(path, cancellationToken);
                if (SeedDocument.Read(text) is { } entry)
                    entries.Add(entry);
                else
                    logger.LogWarning("Seeding: {SeedFile} holds no text; skipped", path);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Seeding: could not read {SeedFile}; skipped", path);
            }
        }

        var now = time.GetUtcNow();
        var source = await feeds.EnsureSeedFeedAsync(SourceUrl, options.Value.SourceTitle, now, cancellationToken);
        var document = new ParsedFeed { Format = FeedFormat.Rss20, Title = source.Title, Entries = entries };
        var processed = processor.Process(document, documentUrl: null, source.Id);
        var summary = await articles.SaveAsync(source with { LastSuccessAt = now }, processed, now, cancellationToken);
        logger.LogInformation(
            "Seeding: {Added} added, {Updated} updated, {Unchanged} unchanged from {SeedDirectory}",
            summary.Added, summary.Updated, summary.Unchanged, directory);
        return summary;
    }
}
