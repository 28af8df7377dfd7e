using System.CommandLine;
using System.Text;
using FeedAggregator.Fetching;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// <c>feedagg parse PATH-OR-URL... [--json]</c>: parse documents through the real fetcher,
/// parser and processor without storing anything; one result per input, in input order. Inputs
/// are parsed in parallel, a few per core ahead of the one being printed.
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
        var parsing = new Parsing(
            new Lazy<FeedFetcher>(services.GetRequiredService<FeedFetcher>), services.GetRequiredService<FeedParser>(),
            services.GetRequiredService<ArticleProcessor>(), services.GetRequiredService<ContentSanitizer>());
        // A window of inputs in flight: every core busy, the output in input order, the memory bounded.
        var ahead = Math.Max(2, Environment.ProcessorCount * 2);
        var window = new Queue<Task<Formatted>>();
        // Lines are written in blocks: the console writer flushes (one system call) on every write.
        var block = new StringBuilder();
        var failures = 0;
        foreach (var input in inputs)
        {
            window.Enqueue(Task.Run(() => parsing.FormatAsync(input, asJson, cancellationToken), cancellationToken));
            if (window.Count >= ahead)
                failures += await AppendAsync(window.Dequeue(), block, cancellationToken);
        }

        while (window.Count > 0)
            failures += await AppendAsync(window.Dequeue(), block, cancellationToken);
        await Console.Out.WriteAsync(block);
        return failures == inputs.Length ? ExitCodes.CouldNotWork : ExitCodes.Done;
    }

    private static async Task<int> AppendAsync(Task<Formatted> pending, StringBuilder block, CancellationToken cancellationToken)
    {
        const int BlockChars = 1 << 16;
        var (ok, result, streamed) = await pending;
        if (streamed is not null)
        {
            await Console.Out.WriteAsync(block);
            block.Clear();
            using (streamed.Document)
                ParseOutput.WriteJson(streamed, Console.Out);
            await Console.Out.WriteAsync('\n');
            return ok ? 0 : 1;
        }

        using var line = result!;
        if (line.Length >= BlockChars)
        {
            // A large document's line is written in chunks as it is decoded rather than copied.
            await Console.Out.WriteAsync(block);
            block.Clear();
            await line.WriteLineAsync(Console.Out, cancellationToken);
            return ok ? 0 : 1;
        }

        line.AppendTo(block);
        block.Append('\n');
        if (block.Length >= BlockChars)
        {
            await Console.Out.WriteAsync(block);
            block.Clear();
        }

        return ok ? 0 : 1;
    }

    private sealed record Parsing(Lazy<FeedFetcher> Fetcher, FeedParser Parser, ArticleProcessor Processor, ContentSanitizer Sanitizer)
    {
        public async Task<Formatted> FormatAsync(string input, bool asJson, CancellationToken cancellationToken)
        {
            var outcome = await ParseAsync(input, cancellationToken);
            // A streamed document's JSON is written, its entries processed one by one, when its turn comes.
            if (asJson && outcome.IsStreamed)
                return new Formatted(outcome.Ok, null, outcome);
            using (outcome.Document)
                return new Formatted(outcome.Ok, asJson ? ParseOutput.ToJsonLine(outcome) : Utf8Line.From(ParseOutput.ToText(outcome)), null);
        }

        private async Task<ParseOutcome> ParseAsync(string input, CancellationToken cancellationToken)
        {
            if (Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                var fetched = await Fetcher.Value.FetchAsync(new FetchRequest(url), cancellationToken);
                if (fetched.Outcome != FetchOutcome.Content)
                    return ParseOutcome.Failed(input, "fetch: " + (fetched.Error ?? $"HTTP {fetched.StatusCode}"));
                return Outcome(input, Parser.ParseStreamed(fetched.Body ?? [], fetched.FinalUrl, fetched.ContentType), fetched.FinalUrl);
            }

            FileDocument? file = null;
            try
            {
                file = FileDocument.Open(input);
                var documentUrl = new Uri(Path.GetFullPath(input));
                if (file.Length < FeedParser.StreamFromBytes)
                {
                    var bytes = file.ReadAll();
                    file.Dispose();
                    return Outcome(input, Parser.ParseStreamed(bytes, documentUrl), documentUrl);
                }

                var parsed = Parser.ParseStreamed(file.Read, file.Length, documentUrl);
                if (!parsed.IsStreamed)
                    file.Dispose();
                // A streamed file is read again as its line is written, then closed.
                return Outcome(input, parsed, documentUrl) with { Document = parsed.IsStreamed ? file : null };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                file?.Dispose();
                return ParseOutcome.Failed(input, $"cannot read the file: {ex.Message}");
            }
        }

        private ParseOutcome Outcome(string input, StreamedFeed parsed, Uri? documentUrl)
        {
            if (parsed.Result.Feed is not { } feed)
                return ParseOutcome.Failed(input, parsed.Result.Error ?? "not a feed");
            var warnings = new List<string>(feed.Warnings);
            var titles = MarkupTitles.Of(feed, documentUrl, Sanitizer);
            var process = Processor.ForDocument(feed, documentUrl, 0, warnings, forStore: false);
            return new ParseOutcome(input, feed, null)
            {
                Titles = titles,
                Warnings = warnings,
                IsStreamed = parsed.IsStreamed,
                ForEachArticle = onArticle =>
                {
                    var index = 0;
                    if (parsed.ForEachEntry(entry => onArticle(process(entry), titles.Entry(index++))) is { } changed)
                        warnings.Add(changed);
                },
            };
        }
    }

    /// <summary>One input's output: its line, or the outcome of a streamed document, written when its turn comes.</summary>
    private readonly record struct Formatted(bool Ok, Utf8Line? Line, ParseOutcome? Streamed);
}
