using System.Text;
using FeedAggregator.Parsing;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Reads the documents under TestData/Parsing and parses them.</summary>
internal static class ParsingFixtures
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing", name));

    public static ParseResult Parse(string name, string? contentType = null, Uri? documentUrl = null) =>
        FeedParser.Default.Parse(Bytes(name), documentUrl, contentType);

    public static ParsedFeed ParseFeed(string name, string? contentType = null, Uri? documentUrl = null)
    {
        var result = Parse(name, contentType, documentUrl);
        Assert.True(result.IsSuccess, result.Error);
        return result.Feed!;
    }

    public static ParseResult ParseText(string document, ParsingOptions? options = null) =>
        new FeedParser(Options.Create(options ?? new ParsingOptions())).Parse(Encoding.UTF8.GetBytes(document));
}
