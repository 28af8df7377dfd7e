using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>A document rewritten by <see cref="TolerantXml"/>: its text (pooled; dispose it) and what was repaired.</summary>
internal sealed class RecoveredDocument(PooledText text, RecoveryRepairs repairs) : IDisposable
{
    public PooledText Text => text;
    public RecoveryRepairs Repairs => repairs;

    public void Dispose() => text.Dispose();
}
