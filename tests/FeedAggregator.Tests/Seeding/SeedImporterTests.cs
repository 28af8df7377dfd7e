using FeedAggregator.Processing;
using FeedAggregator.Seeding;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Seeding;

public sealed class SeedImporterTests
{
    [Fact]
    public async Task Importing_twice_adds_nothing_the_second_time()
    {
        await using var db = await TempDatabase.CreateAsync();
        var folder = Path.Combine(db.Directory, "seeds");
        Directory.CreateDirectory(folder);
        File.Copy(TestFiles.Path("Seeding", "en_story.txt"), Path.Combine(folder, "001.txt"));
        File.WriteAllText(Path.Combine(folder, "002.txt"), "مرحبا بكم في النشرة الإخبارية لهذا اليوم.\nفقرة ثانية.");
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "\n\n");
        File.WriteAllText(Path.Combine(folder, "ignored.md"), "not a seed");
        var importer = new SeedImporter(
            db.Feeds, db.Articles, new ArticleProcessor(new ContentSanitizer()), Options.Create(new SeedsOptions { SourceTitle = "Seeds" }),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)), NullLogger<SeedImporter>.Instance);

        var first = await importer.ImportAsync(folder, CancellationToken.None);
        var second = await importer.ImportAsync(folder, CancellationToken.None);

        Assert.Equal(2, first.Added);
        Assert.Equal(0, second.Added + second.Updated);
        var stored = await db.Articles.GetNewestAsync(10, CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.Equal("Seeds", s.Source.Title));
        Assert.Contains(stored, s => s.Article.Language == "ar");
    }

    [Fact]
    public async Task A_missing_folder_imports_nothing_and_does_not_fail()
    {
        await using var db = await TempDatabase.CreateAsync();
        var importer = new SeedImporter(
            db.Feeds, db.Articles, new ArticleProcessor(new ContentSanitizer()), Options.Create(new SeedsOptions()),
            TimeProvider.System, NullLogger<SeedImporter>.Instance);
        var summary = await importer.ImportAsync(Path.Combine(db.Directory, "nope"), CancellationToken.None);
        Assert.Equal(0, summary.Added);
    }
}
