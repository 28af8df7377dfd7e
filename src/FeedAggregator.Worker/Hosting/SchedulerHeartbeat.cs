namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// When the poll job last showed life: started, stored a feed, or ended. A run that goes on
/// storing feeds is alive however long it takes; one that stops for too long is hung.
/// </summary>
internal sealed class SchedulerHeartbeat(TimeProvider time)
{
    private long _last = time.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref _last), TimeSpan.Zero);

    public void Beat() => Interlocked.Exchange(ref _last, time.GetUtcNow().UtcTicks);
}
