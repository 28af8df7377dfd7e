using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// <c>feedagg stories show ID [--json]</c>: the articles grouped into one story, and why: how
/// each was matched (first, link, text), its score then, and its similarity to the primary now.
/// </summary>
internal static class StoriesCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var id = new Argument<string>("ID") { Description = "An article's id in the merged feed (tag:...) or its number in the store." };
        var json = new Option<bool>("--json") { Description = "One JSON object per member, one per line." };
        var show = new Command("show", "Show the members of the story an article belongs to, with their similarity scores.") { id, json };
        show.SetAction((result, cancellationToken) => FeedsCommand.RunAsync(configArgs, cancellationToken, (services, token) =>
            ShowAsync(services.GetRequiredService<IArticleStore>(), result.GetValue(id)!, result.GetValue(json), token)));
        return new Command("stories", "Inspect how articles were grouped into stories.") { show };
    }

    private static async Task<int> ShowAsync(IArticleStore store, string id, bool asJson, CancellationToken cancellationToken)
    {
        var articleId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : await store.FindIdAsync(id, cancellationToken);
        var members = articleId is { } found ? await store.GetStoryAsync(found, cancellationToken) : [];
        if (members.Count == 0)
        {
            await Console.Error.WriteLineAsync($"feedagg: no article '{id}'.");
            return ExitCodes.CouldNotWork;
        }

        var primary = members[0].Article;
        if (!asJson)
            Console.WriteLine($"story {primary.StoryId}: {members.Count} article(s), primary {primary.PublicId}");
        foreach (var (article, source) in members)
        {
            var similarity = article.Fingerprint is { } mine && primary.Fingerprint is { } first ? mine.Similarity(first) : (double?)null;
            Console.WriteLine(asJson ? JsonLine(article, source, similarity) : TextLine(article, source, similarity, article.Id == primary.Id));
        }

        return ExitCodes.Done;
    }

    private static string JsonLine(Article article, Feed source, double? similarity) => JsonSerializer.Serialize(new
    {
        id = article.PublicId,
        store_id = article.Id,
        story = article.StoryId,
        feed = source.Url,
        title = article.Title,
        url = article.Url,
        published = IsoDate.Format(article.Published),
        match = article.StoryMatch,
        match_score = article.StoryScore,
        similarity_to_primary = similarity,
    }, CliJson.Options);

    private static string TextLine(Article article, Feed source, double? similarity, bool isPrimary)
    {
        var score = article.StoryScore is { } s ? $" {s.ToString("0.00", CultureInfo.InvariantCulture)}" : "";
        var toPrimary = similarity is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        return $"{(isPrimary ? "*" : " ")} {article.Id,-8} {article.StoryMatch}{score,-6} similarity {toPrimary}  {IsoDate.Format(article.Published) ?? "-"}  " +
               $"\"{source.DisplayTitle}\"  {article.Title}  {article.Url ?? ""}";
    }
}
