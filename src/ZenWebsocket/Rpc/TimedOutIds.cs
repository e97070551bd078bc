namespace ZenWebsocket;

/// <summary>
/// Ids of requests that timed out, remembered per connection so a late response is recognised and dropped. A
/// response can only come back on the connection its request went out on, so the memory of a connection is cleared
/// when it ends; within it the ids stay reserved, so a reused id can never receive an old answer.
/// </summary>
internal sealed class TimedOutIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _connectionOf = [];
    private readonly Queue<long> _order = new();

    public void Add(long id, long connectionId)
    {
        lock (_gate)
        {
            if (_connectionOf.TryAdd(id, connectionId))
            {
                _order.Enqueue(id);
            }

            while (_connectionOf.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _connectionOf.Remove(oldest);
            }
        }
    }

    public bool Contains(long id)
    {
        lock (_gate)
        {
            return _connectionOf.ContainsKey(id);
        }
    }

    /// <summary>Consumes the id when a late response for it arrives on the connection it was sent on.</summary>
    public bool TryConsume(long id, long connectionId)
    {
        lock (_gate)
        {
            return _connectionOf.TryGetValue(id, out var owner) && owner == connectionId && _connectionOf.Remove(id);
        }
    }

    public void ForgetConnection(long connectionId)
    {
        lock (_gate)
        {
            foreach (var (id, owner) in _connectionOf.ToArray())
            {
                if (owner == connectionId)
                {
                    _connectionOf.Remove(id);
                }
            }
        }
    }
}
