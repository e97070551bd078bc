namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// Who subscribes to what: each stream connection's ordered stream list and an index from stream name to its
/// subscribers. Names match exactly (Binance stream names are case-sensitive: the symbol is lower case).
/// </summary>
internal sealed class StreamHub : IStreamSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<BinanceConnection>> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<BinanceConnection, List<string>> _streams = [];

    public void Add(BinanceConnection connection)
    {
        lock (_lock)
        {
            _streams.TryAdd(connection, []);
        }
    }

    public void Remove(BinanceConnection connection)
    {
        lock (_lock)
        {
            if (!_streams.Remove(connection, out var streams))
            {
                return;
            }

            foreach (var stream in streams)
            {
                Unindex(connection, stream);
            }
        }
    }

    /// <summary>Adds streams; all or nothing when the result would pass <paramref name="max"/>.</summary>
    /// <returns>Whether they were added.</returns>
    public bool TrySubscribe(BinanceConnection connection, IReadOnlyList<string> streams, int max)
    {
        lock (_lock)
        {
            if (!_streams.TryGetValue(connection, out var current))
            {
                current = [];
                _streams[connection] = current;
            }

            var fresh = streams.Distinct(StringComparer.Ordinal).Where(s => !current.Contains(s, StringComparer.Ordinal)).ToList();
            if (current.Count + fresh.Count > max)
            {
                return false;
            }

            foreach (var stream in fresh)
            {
                current.Add(stream);
                if (!_subscribers.TryGetValue(stream, out var set))
                {
                    set = [];
                    _subscribers[stream] = set;
                }

                set.Add(connection);
            }

            return true;
        }
    }

    public void Unsubscribe(BinanceConnection connection, IReadOnlyList<string> streams)
    {
        lock (_lock)
        {
            if (!_streams.TryGetValue(connection, out var current))
            {
                return;
            }

            foreach (var stream in streams)
            {
                if (current.Remove(stream))
                {
                    Unindex(connection, stream);
                }
            }
        }
    }

    public IReadOnlyList<string> List(BinanceConnection connection)
    {
        lock (_lock)
        {
            return _streams.TryGetValue(connection, out var current) ? [.. current] : [];
        }
    }

    /// <summary>Every open stream connection's streams, in connection order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> All()
    {
        lock (_lock)
        {
            return [.. _streams.OrderBy(p => p.Key.Id).Select(p => (IReadOnlyList<string>)[.. p.Value])];
        }
    }

    public bool HasSubscribers(string stream)
    {
        lock (_lock)
        {
            return _subscribers.ContainsKey(stream);
        }
    }

    public void Publish(string stream, string payload)
    {
        string? micro = null;
        string? wrapped = null;
        string? wrappedMicro = null;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(stream, out var set))
            {
                return;
            }

            foreach (var connection in set)
            {
                // Each variant is built once per event, only when some subscriber reads it.
                var text = (connection.Microseconds, connection.Combined) switch
                {
                    (false, false) => payload,
                    (false, true) => wrapped ??= Wrap(stream, payload),
                    (true, false) => micro ??= MicrosecondTimes.Convert(payload),
                    (true, true) => wrappedMicro ??= Wrap(stream, micro ??= MicrosecondTimes.Convert(payload)),
                };
                connection.TrySend(text);
            }
        }
    }

    private static string Wrap(string stream, string data) => "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";

    private void Unindex(BinanceConnection connection, string stream)
    {
        if (_subscribers.TryGetValue(stream, out var set) && set.Remove(connection) && set.Count == 0)
        {
            _subscribers.Remove(stream);
        }
    }
}
