using System.CommandLine;
using FeedAggregator.Fetching;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// <c>feedagg parse PATH-OR-URL... [--json]</c>: parse documents through the real fetcher,
/// parser and processor without storing anything; one result per input, in order.
/// </summary>
internal static class ParseCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var inputs = new Argument<string[]>("PATH-OR-URL")
        {
            Description = "Feed documents: file paths or http(s) URLs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per input, one per line." };
        var command = new Command("parse", "Parse feed documents and print what was read, without storing.") { inputs, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(inputs) ?? [];
            var asJson = result.GetValue(json);
            return await CliHost.RunAsync(configArgs, (services, token) => ParseAllAsync(services, paths, asJson, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ParseAllAsync(IServiceProvider services, string[] inputs, bool asJson, CancellationToken cancellationToken)
    {
        var fetcher = services.GetRequiredService<FeedFetcher>();
        var parser = services.GetRequiredService<FeedParser>();
        var processor = services.GetRequiredService<ArticleProcessor>();
        var sanitizer = services.GetRequiredService<ContentSanitizer>();
        var failures = 0;
        foreach (var input in inputs)
        {
            var outcome = await ParseOneAsync(input, fetcher, parser, processor, sanitizer, cancellationToken);
            if (!outcome.Ok)
                failures++;
            Console.WriteLine(asJson ? ParseOutput.ToJsonLine(outcome) : ParseOutput.ToText(outcome));
        }

        return failures == inputs.Length ? ExitCodes.CouldNotWork : ExitCodes.Done;
    }

    private static async Task<ParseOutcome> ParseOneAsync(
        string input, FeedFetcher fetcher, FeedParser parser, ArticleProcessor processor, ContentSanitizer sanitizer,
        CancellationToken cancellationToken)
    {
        byte[] bytes;
        Uri? documentUrl;
        string? contentType = null;
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var fetched = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
            if (fetched.Outcome != FetchOutcome.Content)
                return ParseOutcome.Failed(input, "fetch: " + (fetched.Error ?? $"HTTP {fetched.StatusCode}"));
            (bytes, documentUrl, contentType) = (fetched.Body ?? [], fetched.FinalUrl, fetched.ContentType);
        }
        else
        {
            try
            {
                bytes = await File.ReadAllBytesAsync(input, cancellationToken);
                documentUrl = new Uri(Path.GetFullPath(input));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return ParseOutcome.Failed(input, $"cannot read the file: {ex.Message}");
            }
        }

        var parsed = parser.Parse(bytes, documentUrl, contentType);
        if (parsed.Feed is not { } feed)
            return ParseOutcome.Failed(input, parsed.Error ?? "not a feed");
        return new ParseOutcome(input, feed, processor.Process(feed, documentUrl), null)
        {
            Titles = MarkupTitles.Of(feed, documentUrl, sanitizer),
        };
    }
}
