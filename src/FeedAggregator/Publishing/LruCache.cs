namespace FeedAggregator.Publishing;

/// <summary>
/// A small thread-safe least-recently-used map, bounded both in entries and in the total weight
/// (bytes) of its values: many small views or a few large ones, never more memory than allowed.
/// </summary>
internal sealed class LruCache<TValue>(int capacity, long maxWeight, Func<TValue, long> weigh)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value, long Weight)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value, long Weight)> _order = new();
    private long _weight;

    public int Count
    {
        get { lock (_gate) return _map.Count; }
    }

    public long Weight
    {
        get { lock (_gate) return _weight; }
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

    /// <summary>Adds or replaces; a value heavier than the whole cache is not kept at all.</summary>
    public void Set(string key, TValue value)
    {
        var weight = weigh(value);
        lock (_gate)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
                _weight -= old.Value.Weight;
            }

            if (weight > maxWeight)
                return;
            _map[key] = _order.AddFirst((key, value, weight));
            _weight += weight;
            while ((_map.Count > capacity || _weight > maxWeight) && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _weight -= last.Value.Weight;
            }
        }
    }
}
