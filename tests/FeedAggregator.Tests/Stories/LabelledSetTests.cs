using FeedAggregator.Model;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;
using Xunit.Abstractions;

namespace FeedAggregator.Tests.Stories;

/// <summary>
/// Precision and recall of story grouping on the labelled set, over every pair of fixtures:
/// a pair is positive when both are in one story. Printed to the test output; the margins the
/// README quotes are pinned.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_variant_scores_above_the_threshold_and_every_distinct_article_below()
    {
        var threshold = new DedupeOptions().SimilarityThreshold;
        var names = StoryFixtures.Names;
        var fingerprints = names.ToDictionary(n => n, n => TextFingerprint.Of(StoryFixtures.Text(n))!);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var lowestSame = 1.0;
        var highestApart = 0.0;
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var same = StoryFixtures.Label(names[i]) == StoryFixtures.Label(names[j]);
                var score = fingerprints[names[i]].Similarity(fingerprints[names[j]]);
                var grouped = score >= threshold;
                truePositives += same && grouped ? 1 : 0;
                falsePositives += !same && grouped ? 1 : 0;
                falseNegatives += same && !grouped ? 1 : 0;
                if (same)
                    lowestSame = Math.Min(lowestSame, score);
                else
                    highestApart = Math.Max(highestApart, score);
            }
        }

        output.WriteLine($"pairs: {names.Count * (names.Count - 1) / 2}, TP {truePositives}, FP {falsePositives}, FN {falseNegatives}");
        output.WriteLine($"precision {Ratio(truePositives, truePositives + falsePositives)}, recall {Ratio(truePositives, truePositives + falseNegatives)}");
        output.WriteLine($"lowest same-story similarity {lowestSame:0.00}, highest different-story similarity {highestApart:0.00}");
        Assert.Equal(0, falsePositives);
        Assert.Equal(0, falseNegatives);
        Assert.True(truePositives > 0, "no same-story pair: the labelled set is not there");
        // The margins the README quotes: variants 0.67 or more, different articles 0.00.
        Assert.True(Math.Round(lowestSame, 2) >= 0.67, $"lowest same-story similarity {lowestSame:0.000}, the README says 0.67 or more");
        Assert.True(Math.Round(highestApart, 2) == 0.00, $"highest different-story similarity {highestApart:0.000}, the README says 0.00");
    }

    [Fact]
    public async Task The_merged_stories_hold_each_labelled_story_once_and_never_mix_two()
    {
        await using var db = await TempDatabase.CreateAsync();
        // Each fixture comes from a feed of its own, with its own link: only the text can group them.
        var names = StoryFixtures.Names;
        var feeds = new List<string>();
        for (var i = 0; i < names.Count; i++)
            feeds.Add($"https://outlet{i}.example/feed");
        await db.Feeds.SyncSubscriptionsAsync(feeds.Select(u => new Subscription(u)).ToList(), Now, CancellationToken.None);
        var stored = await db.Feeds.ListAsync(CancellationToken.None);
        for (var i = 0; i < names.Count; i++)
        {
            var feed = stored.Single(f => f.Url == feeds[i]);
            var article = StoryFixtures.Article(names[i], feed.Id, link: $"https://outlet{i}.example/{names[i]}") with
            {
                Published = Now.AddMinutes(i),
            };
            await db.Articles.SaveAsync(feed, [article], Now.AddMinutes(i), CancellationToken.None);
        }

        var stories = await db.Articles.GetNewestStoriesAsync(100, CancellationToken.None);
        var labelled = stories.Select(s => new[] { s.Primary }.Concat(s.Others.Select(o => o.Article))
                .Select(a => StoryFixtures.Label(a.Url!.Split('/')[^1])).ToList())
            .ToList();
        output.WriteLine(string.Join("\n", labelled.Select(l => string.Join(", ", l))));
        Assert.All(labelled, story => Assert.Single(story.Distinct()));
        Assert.Equal(names.Select(StoryFixtures.Label).Distinct().Order(), labelled.Select(l => l[0]).Order());
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
