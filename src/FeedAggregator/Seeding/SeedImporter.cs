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

    /// <param name="progress">Told the number of files, then each file as it is read and processed.</param>
    public async Task<StoreSummary> ImportAsync(string directory, CancellationToken cancellationToken, IProgress<SeedProgress>? progress = null)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Seeding: no seed folder at {SeedDirectory}; nothing imported", directory);
            return new StoreSummary(0, 0, 0);
        }

        var files = Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal).ToList();
        progress?.Report(new SeedProgress(files.Count, 0, null, null));
        var entries = new List<(ParsedEntry Entry, string File)>();
        var done = 0;
        foreach (var path in files)
        {
            try
            {
                var text = await File.ReadAllTextAsync(path, cancellationToken);
                if (SeedDocument.Read(text) is { } entry)
                {
                    entries.Add((entry, path));
                    continue;
                }

                logger.LogWarning("Seeding: {SeedFile} holds no text; skipped", path);
                progress?.Report(new SeedProgress(files.Count, ++done, path, "holds no text; skipped"));
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Seeding: could not read {SeedFile}; skipped", path);
                progress?.Report(new SeedProgress(files.Count, ++done, path, "could not be read: " + ex.Message));
            }
        }

        var now = time.GetUtcNow();
        var source = await feeds.EnsureSeedFeedAsync(SourceUrl, options.Value.SourceTitle, now, cancellationToken);
        var document = new ParsedFeed { Format = FeedFormat.Rss20, Title = source.Title, Entries = [.. entries.Select(e => e.Entry)] };
        // One entry at a time (as the processor does for a document), so the progress follows the work.
        var sharedIds = IncomingEntry.SharedIds(document);
        var processed = new List<Article>(entries.Count);
        foreach (var (entry, path) in entries)
        {
            processed.Add(processor.Process(document, entry, documentUrl: null, source.Id, idIsUnique: entry.Id is null || !sharedIds.Contains(entry.Id.Trim())));
            progress?.Report(new SeedProgress(files.Count, ++done, path, null));
        }

        var summary = await articles.SaveAsync(source with { LastSuccessAt = now }, processed, now, cancellationToken);
        logger.LogInformation(
            "Seeding: {Added} added, {Updated} updated, {Unchanged} unchanged from {SeedDirectory}",
            summary.Added, summary.Updated, summary.Unchanged, directory);
        return summary;
    }
}
