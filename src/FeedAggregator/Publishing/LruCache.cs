namespace FeedAggregator.Publishing;

/// <summary>A small thread-safe least-recently-used map with a fixed capacity.</summary>
internal sealed class LruCache<TValue>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value)> _order = new();

    public int Count
    {
        get { lock (_gate) return _map.Count; }
    }

    public bool TryGet(string key, out TValue value)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value)
    {
        lock (_gate)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
            }

            _map[key] = _order.AddFirst((key, value));
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
