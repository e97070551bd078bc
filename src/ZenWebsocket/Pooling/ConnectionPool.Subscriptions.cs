namespace ZenWebsocket;

public sealed partial class ConnectionPool
{
    private readonly Dictionary<string, PoolTopic> _topics = new(StringComparer.Ordinal);

    /// <summary>Subscribes through the pool: the topic goes to the connection already carrying it, else to the least
    /// loaded connection under <see cref="ConnectionPoolOptions.MaxTopicsPerConnection"/>.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="options">Per-subscriber queue settings.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The subscription; its stream survives moves between connections.</returns>
    /// <exception cref="InvalidOperationException">The pool has no subscription dialect, or every connection is full.</exception>
    public async Task<PoolSubscription> SubscribeAsync(string topic, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var dialect = _options.SubscriptionDialect ?? throw new InvalidOperationException("The pool shards subscriptions only with ConnectionPoolOptions.SubscriptionDialect set.");
        options ??= SubscribeOptions.Default;
        options.Validate();
        var canonical = dialect.Canonicalize(topic);

        PoolSubscription subscription;
        Task acknowledged;
        await _topicsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_topics.TryGetValue(canonical, out var entry))
            {
                var connection = LeastLoaded() ?? await GrowAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Every connection of the pool carries {_options.MaxTopicsPerConnection} topics (ConnectionPoolOptions.MaxTopicsPerConnection) and the pool has {Connections.Count} of at most {_options.MaxSize ?? _options.Size} connections (ConnectionPoolOptions.MaxSize); '{canonical}' has no room.");
                entry = new PoolTopic(canonical, connection);
                connection.AddTopic();
                _topics[canonical] = entry;
            }

            subscription = new PoolSubscription(this, canonical, options, _options.Sequence);
            try
            {
                acknowledged = await subscription.JoinAsync(entry.Connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (entry.Subscribers.Count == 0)
                {
                    _topics.Remove(canonical);
                    entry.Connection.RemoveTopic();
                }

                throw;
            }

            entry.Subscribers.Add(subscription);
        }
        finally
        {
            _topicsGate.Release();
        }

        // The acknowledgement is awaited outside the lock: subscribes issued meanwhile are queued by the connection's
        // subscription manager and go out together in its next message.
        try
        {
            await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal async Task ReleaseAsync(PoolSubscription subscription)
    {
        await _topicsGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_topics.TryGetValue(subscription.Topic, out var entry) && entry.Subscribers.Remove(subscription) && entry.Subscribers.Count == 0)
            {
                _topics.Remove(subscription.Topic);
                entry.Connection.RemoveTopic();
                ShrinkIfIdle(entry.Connection);
            }
        }
        finally
        {
            _topicsGate.Release();
        }
    }

    /// <summary>Moves every topic of a dead connection to the least loaded live ones; a topic a target refuses ends
    /// with a Failed marker instead of stopping the move of the others.</summary>
    private async Task RebalanceAsync(PooledConnection dead)
    {
        await _topicsGate.WaitAsync(_stop.Token).ConfigureAwait(false);
        var moves = new List<Task>();
        try
        {
            var orphans = _topics.Values.Where(t => ReferenceEquals(t.Connection, dead)).ToArray();
            foreach (var subscription in orphans.SelectMany(entry => entry.Subscribers))
            {
                await subscription.DetachAsync($"connection {dead.Slot} is down").ConfigureAwait(false);
            }

            // Every topic is registered before any acknowledgement is awaited, back to back: each target sends them
            // together in a few messages (throttled ones on Binance) instead of one round trip per topic.
            foreach (var entry in orphans)
            {
                var target = LeastLoaded();
                if (target is null)
                {
                    foreach (var subscription in entry.Subscribers)
                    {
                        subscription.Fail("no connection of the pool has room for the topic");
                    }

                    _topics.Remove(entry.Topic);
                    continue;
                }

                entry.Connection = target;
                target.AddTopic();
                foreach (var subscription in entry.Subscribers)
                {
                    moves.Add(await subscription.MoveAsync(target, _stop.Token).ConfigureAwait(false));
                }
            }

            await Task.WhenAll(moves).ConfigureAwait(false);
        }
        finally
        {
            _topicsGate.Release();
        }
    }

    /// <summary>Opens one more connection for topics when every connection is full, up to <see cref="ConnectionPoolOptions.MaxSize"/>.</summary>
    private async Task<PooledConnection?> GrowAsync(CancellationToken cancellationToken)
    {
        if (Connections.Count(c => !c.IsRetiring) >= (_options.MaxSize ?? _options.Size))
        {
            return null;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connection is not null)
        {
            Log.PoolGrew(_logger, Connections.Count, _options.MaxTopicsPerConnection);
        }

        return connection;
    }

    /// <summary>Closes an extra connection (beyond <see cref="ConnectionPoolOptions.Size"/>) that carries no topic any more.</summary>
    private void ShrinkIfIdle(PooledConnection connection)
    {
        if (connection.Topics != 0 || Connections.Count(c => !c.IsRetiring) <= _options.Size || !connection.TryRetire())
        {
            return;
        }

        Forget(connection);
        Log.PoolShrank(_logger, connection.Slot);
        _ = connection.DisposeAsync().AsTask();
    }

    private PooledConnection? LeastLoaded() => Connections
        .Where(c => c.IsAlive && !c.IsRetiring && c.Topics < _options.MaxTopicsPerConnection)
        .OrderBy(c => c.Topics)
        .ThenBy(c => c.Slot)
        .FirstOrDefault();

    /// <summary>A topic's assignment to a connection and the pool subscribers reading it.</summary>
    private sealed class PoolTopic(string topic, PooledConnection connection)
    {
        public string Topic { get; } = topic;

        public PooledConnection Connection { get; set; } = connection;

        public List<PoolSubscription> Subscribers { get; } = [];
    }
}
