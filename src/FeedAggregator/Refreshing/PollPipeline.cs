using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using FeedAggregator.Model;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The stages of one poll cycle behind the network: fetched documents wait in a bounded queue
/// for one processing worker per core, and processed ones in a second bounded queue for the one
/// writer (SQLite takes one writer at a time; one task that writes keeps the prepared statements
/// hot and never makes two writers wait on each other's locks; it stores what is waiting, up to
/// the capacity, in one transaction, each document still all or nothing). A fetch
/// waits only when a queue is full, so a slow write never holds a request open, and no more than
/// twice the capacity of documents is ever held in memory between the stages.
/// </summary>
internal sealed class PollPipeline : IAsyncDisposable
{
    private readonly FeedRefresher _refresher;
    private readonly ConcurrentBag<RefreshResult> _results;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryIn;
    private readonly int _capacity;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<FetchedFeed> _toProcess;
    private readonly Channel<FeedWrite> _toStore;
    private readonly Task[] _processors;
    private readonly Task _writer;
    private readonly PollMetrics? _metrics;
    private readonly IProgress<PollProgress>? _progress;
    private readonly int _total;
    private int _done;
    private int _failed;

    public PollPipeline(
        FeedRefresher refresher, int capacity, ConcurrentBag<RefreshResult> results, ILogger logger, TimeProvider time,
        TimeSpan retryIn, CancellationToken cancellationToken, PollMetrics? metrics = null, IProgress<PollProgress>? progress = null, int total = 0)
    {
        (_refresher, _results, _logger, _time, _retryIn, _capacity) = (refresher, results, logger, time, retryIn, capacity);
        (_metrics, _progress, _total) = (metrics, progress, total);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _toProcess = Channel.CreateBounded<FetchedFeed>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        _toStore = Channel.CreateBounded<FeedWrite>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _processors = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(ProcessAllAsync))];
        _writer = Task.Run(StoreAllAsync);
    }

    /// <summary>Cancelled with the cycle, or when a stage stops on a fault: the fetches stop too.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The network stage of one feed; a fault in it becomes the feed's status.</summary>
    public async Task<FetchedFeed> FetchAsync(Feed feed, CancellationToken cancellationToken)
    {
        try
        {
            return await _refresher.FetchAsync(feed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = Failed(feed, ex);
            return new FetchedFeed(feed, failed.Feed, Fetch: null, failed.Now, Done: failed);
        }
    }

    /// <summary>Hands a fetched feed on: to processing, or straight to the writer when only its state changes.</summary>
    public ValueTask EnqueueAsync(FetchedFeed fetched, CancellationToken cancellationToken) =>
        fetched.Done is { } done ? _toStore.Writer.WriteAsync(done, cancellationToken) : _toProcess.Writer.WriteAsync(fetched, cancellationToken);

    /// <summary>Waits until every feed handed on is processed and stored.</summary>
    public async Task CompleteAsync()
    {
        _toProcess.Writer.TryComplete();
        await Task.WhenAll(_processors);
        _toStore.Writer.TryComplete();
        await _writer;
    }

    public async ValueTask DisposeAsync()
    {
        // After a cancellation or a fault: stop every stage and wait for it, so that no write
        // outlives the cycle (each write is one transaction: none is left half done).
        _stop.Cancel();
        _toProcess.Writer.TryComplete();
        _toStore.Writer.TryComplete();
        try
        {
            await Task.WhenAll([.. _processors, _writer]);
        }
        catch (OperationCanceledException)
        {
            // The cycle's own cancellation: nothing to report.
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task ProcessAllAsync()
    {
        try
        {
            await foreach (var fetched in _toProcess.Reader.ReadAllAsync(Token))
            {
                FeedWrite write;
                try
                {
                    write = await _refresher.ProcessAsync(fetched, Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    write = Failed(fetched.Feed, ex);
                }

                await _toStore.Writer.WriteAsync(write, Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _stop.Cancel();
            throw;
        }
    }

    // The writer takes what is waiting (up to the queue's capacity) and stores it in one
    // transaction: under load the commits and search-index flushes are shared, while alone a
    // document is written at once.
    private async Task StoreAllAsync()
    {
        try
        {
            var batch = new List<FeedWrite>(_capacity);
            while (await _toStore.Reader.WaitToReadAsync(Token))
            {
                batch.Clear();
                while (batch.Count < _capacity && _toStore.Reader.TryRead(out var write))
                    batch.Add(write);
                foreach (var (write, result, error) in await _refresher.StoreAllAsync(batch, Token))
                    Add(result ?? await RecordFailureAsync(write, error!));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _stop.Cancel();
            throw;
        }
    }

    // Only the writer task adds results: the counts need no locks, and a report costs the caller's callback alone.
    private void Add(RefreshResult result)
    {
        _results.Add(result);
        if (result.Outcome is { } outcome)
            _metrics?.Polled(outcome);
        if (!result.Held && result.Status is FeedStatus.Error or FeedStatus.Gone)
            _failed++;
        _progress?.Report(new PollProgress(_total, ++_done, _failed, result));
    }

    private async Task<RefreshResult> RecordFailureAsync(FeedWrite write, Exception error)
    {
        // The poll's validators and body hash describe a document whose articles were not stored:
        // kept, they would make the next poll skip that document ("not modified", "same bytes")
        // and its articles would never arrive. Forgotten, the next poll fetches and reads it again.
        var failed = Failed(write.Feed with { ETag = null, LastModified = null, BodyHash = null }, error);
        if (error is DbException)
        {
            // The store's fault, not the feed's: due again at the next run (which waits until the
            // store takes writes), not after a backoff.
            failed = failed with { Feed = failed.Feed with { NextPollAt = failed.Now } };
        }

        try
        {
            return await _refresher.StoreAsync(failed, Token);
        }
        catch (DbException storeError)
        {
            _logger.LogError(storeError, "Storage: could not record the failure of {FeedUrl}", write.Feed.Url);
            return failed.Result;
        }
    }

    /// <summary>A bug or a storage fault in one feed must not stop the others: logged in full, shown on the feed's row.</summary>
    private FeedWrite Failed(Feed feed, Exception ex)
    {
        _logger.LogError(ex, "Refreshing: {FeedUrl} (feed {FeedId}) failed unexpectedly", feed.Url, feed.Id);
        var now = _time.GetUtcNow();
        var failed = feed with
        {
            Status = FeedStatus.Error,
            LastError = $"internal error: {ex.GetType().Name}: {ex.Message}",
            ConsecutiveErrors = feed.ConsecutiveErrors + 1,
            LastPolledAt = now,
            NextPollAt = now + _retryIn,
        };
        return new FeedWrite(failed, now, Outcome: PollOutcome.Error("internal"));
    }
}
