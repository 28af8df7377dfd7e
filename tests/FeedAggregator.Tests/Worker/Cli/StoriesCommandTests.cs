using System.Globalization;
using Dapper;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>stories show ID [--json]</c>: the members of one story and how each was matched.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class StoriesCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public StoriesCommandTests()
    {
        _folder.WriteOpml();
        // A wire story and an edited copy of it: one story; a different article: a story of its own.
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(_folder.Seeds, "001.txt"));
        File.Copy(TestFiles.Path("Stories", "wire-en-edited.txt"), Path.Combine(_folder.Seeds, "002.txt"));
        File.Copy(TestFiles.Path("Stories", "other-en-profile.txt"), Path.Combine(_folder.Seeds, "003.txt"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_shows_each_member_with_its_match_and_similarity_to_the_primary()
    {
        var result = await _folder.RunAsync("stories", "show", "2", "--json");
        var members = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, members.Count);
        Assert.Equal([1L, 2L], members.Select(m => m.GetProperty("store_id").GetInt64()));
        Assert.Equal(["first", "text"], members.Select(m => m.GetProperty("match").GetString()));
        Assert.Equal(members[0].GetProperty("story").GetInt64(), members[1].GetProperty("story").GetInt64());
        Assert.Equal(1.0, members[0].GetProperty("similarity_to_primary").GetDouble());
        var similarity = members[1].GetProperty("similarity_to_primary").GetDouble();
        Assert.InRange(similarity, 0.5, 0.99);
        Assert.Equal(similarity, members[1].GetProperty("match_score").GetDouble(), 2);
        Assert.All(members, m => Assert.StartsWith("tag:", m.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_names_the_story_marks_the_primary_and_finds_it_by_its_feed_id_too()
    {
        var json = await _folder.RunAsync("stories", "show", "1", "--json");
        var publicId = JsonDocument.Parse(json.Lines[0]).RootElement.GetProperty("id").GetString()!;

        var byNumber = await _folder.RunAsync("stories", "show", "1");
        var byId = await _folder.RunAsync("stories", "show", publicId);

        Assert.True(byNumber.ExitCode == 0, byNumber.ToString());
        Assert.Equal(3, byNumber.Lines.Count);
        Assert.Matches(@"^story \d+: 2 article\(s\), primary " + System.Text.RegularExpressions.Regex.Escape(publicId) + "$", byNumber.Lines[0]);
        Assert.StartsWith("* 1 ", byNumber.Lines[1], StringComparison.Ordinal);
        Assert.Contains(" first", byNumber.Lines[1], StringComparison.Ordinal);
        Assert.Contains("similarity 1.00", byNumber.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  2 ", byNumber.Lines[2], StringComparison.Ordinal);
        Assert.Matches(@" text 0\.\d\d +similarity 0\.\d\d ", byNumber.Lines[2]);
        Assert.Equal(byNumber.Out, byId.Out);
    }

    [Fact]
    public async Task A_story_of_one_lists_only_its_article()
    {
        var result = await _folder.RunAsync("stories", "show", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("story ", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains(": 1 article(s)", result.Lines[0], StringComparison.Ordinal);
        Assert.Equal(2, result.Lines.Count);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("tag:nowhere.example,2026:1")]
    public async Task An_unknown_id_exits_1(string id)
    {
        var result = await _folder.RunAsync("stories", "show", id);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"feedagg: no article '{id}'.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Text_gives_each_member_its_match_score_similarity_date_feed_title_and_link()
    {
        var json = (await _folder.RunAsync("stories", "show", "1", "--json")).Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var text = await _folder.RunAsync("stories", "show", "1");

        var score = json[1].GetProperty("match_score").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
        var similarity = json[1].GetProperty("similarity_to_primary").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
        // Seeds have neither a date nor a link: a dash, and nothing.
        Assert.Equal(
        [
            $"* 1        first       similarity 1.00  -  \"FeedAggregator seeds\"  {json[0].GetProperty("title").GetString()}  ",
            $"  2        text {score}  similarity {similarity}  -  \"FeedAggregator seeds\"  {json[1].GetProperty("title").GetString()}  ",
        ], text.Lines.Skip(1));
    }

    [Fact]
    public async Task Text_gives_a_polled_article_its_date_and_link_and_no_similarity_without_a_fingerprint()
    {
        Assert.Equal(0, (await _folder.RunAsync("feeds", "add", "https://news.example/rss", "--title", "News")).ExitCode);
        long id;
        using (var connections = new SqliteConnectionFactory(_folder.Database))
        {
            var feed = (await new SqliteFeedStore(connections).ListAsync(CancellationToken.None)).Single(f => f.Url == "https://news.example/rss");
            var article = new Article
            {
                Key = "k1",
                Title = "Polled story",
                ContentHtml = "<p>Body</p>",
                Url = "https://news.example/1",
                Published = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
                ContentHash = "h1",
            };
            await new SqliteArticleStore(connections, Options.Create(new DedupeOptions())).SaveAsync(feed, [article], DateTimeOffset.UtcNow, CancellationToken.None);
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM articles WHERE url = 'https://news.example/1'");
        }

        var result = await _folder.RunAsync("stories", "show", id.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"* {id,-8} first       similarity n/a  2026-11-26T10:00:00Z  \"News\"  Polled story  https://news.example/1", result.Lines[1]);
    }
}
