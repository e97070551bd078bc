namespace ZenWebsocket;

/// <summary>
/// A subscription held by a <see cref="ConnectionPool"/>: its stream continues when the pool moves the topic to
/// another connection, with a Reconnecting marker where the old connection died and a Restored marker where the
/// new one took over. A rotation (make-before-break) hands the topic over without any marker, gap or duplicate.
/// </summary>
public sealed partial class PoolSubscription : IAsyncDisposable
{
    private readonly ConnectionPool _pool;
    private readonly SubscribeOptions _options;
    private readonly SubscriberQueue _queue;
    private readonly PoolSequenceReader? _sequence;
    private readonly Lock _gate = new();
    private PoolFeed? _current;
    private int _disposed;

    internal PoolSubscription(ConnectionPool pool, string topic, SubscribeOptions options, PoolSequenceReader? sequence)
    {
        _pool = pool;
        Topic = topic;
        _options = options;
        _sequence = sequence;
        _queue = new SubscriberQueue(options.Capacity, options.FullMode);
    }

    /// <summary>Gets the canonical topic.</summary>
    public string Topic { get; }

    /// <summary>Gets the connection that carries the topic now.</summary>
    public PooledConnection? Connection => Volatile.Read(ref _current)?.Connection;

    /// <summary>Gets the topic's state on its current connection.</summary>
    public SubscriptionState State => Volatile.Read(ref _current)?.Inner.State ?? SubscriptionState.Restoring;

    /// <summary>Gets how many data items this subscriber lost to its full queue.</summary>
    public long Dropped => _queue.Dropped;

    /// <summary>Reads the topic's items in order, across moves between connections.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items.</returns>
    public IAsyncEnumerable<SubscriptionItem> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.ReadAllAsync(cancellationToken);

    /// <summary>Leaves the topic.</summary>
    /// <returns>A task that completes when left.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await AbortHandoverAsync().ConfigureAwait(false);
        await ReleaseRetiredAsync().ConfigureAwait(false);
        await DetachAsync().ConfigureAwait(false);
        _queue.Complete();
        await _pool.ReleaseAsync(this).ConfigureAwait(false);
    }

    /// <summary>Moves the topic to another connection: registers it there now (without waiting, so the topics of a
    /// dead connection go out together in a few messages) and returns the rest of the move, which waits for the
    /// acknowledgement, then writes Restored and forwards the new stream, or writes Failed when it is refused.</summary>
    internal async Task<Task> MoveAsync(PooledConnection connection, CancellationToken cancellationToken)
    {
        var (inner, acknowledged) = await connection.Subscriptions!.RegisterAsync(Topic, _options, cancellationToken).ConfigureAwait(false);
        return CompleteMoveAsync(connection, inner, acknowledged);
    }

    private async Task CompleteMoveAsync(PooledConnection connection, Subscription inner, Task acknowledged)
    {
        try
        {
            await acknowledged.ConfigureAwait(false);
        }
        catch (ZenWebSocketException ex)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            Fail($"'{Topic}' could not move to connection {connection.Slot}: {ex.Message}");
            return;
        }

        lock (_gate)
        {
            // Checked under the lock that DetachAsync takes after the flag is set: a subscriber who left while the
            // move waited for its acknowledgement has nothing left to forward to.
            if (Volatile.Read(ref _disposed) == 0)
            {
                var feed = new PoolFeed(connection, inner);
                _current = feed;
                Deliver(new SubscriptionItem(SubscriptionItemKind.Restored, Topic, default, $"moved to connection {connection.Client.GetDiagnostics().ConnectionId}"));
                feed.Start(OnItem);
                return;
            }
        }

        await inner.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Joins the topic on a connection and forwards its stream without waiting for the acknowledgement (the
    /// pool waits outside its lock, so a burst of subscribes is batched on the wire).</summary>
    /// <returns>The acknowledgement; when it fails, the caller disposes this subscription.</returns>
    internal async Task<Task> JoinAsync(PooledConnection connection, CancellationToken cancellationToken)
    {
        var (inner, acknowledged) = await connection.Subscriptions!.RegisterAsync(Topic, _options, cancellationToken).ConfigureAwait(false);
        var feed = new PoolFeed(connection, inner);
        lock (_gate)
        {
            _current = feed;
        }

        feed.Start(OnItem);
        return acknowledged;
    }

    /// <summary>Stops forwarding from the current connection and marks the hole in the stream.</summary>
    internal async Task DetachAsync(string? reason = null)
    {
        PoolFeed? feed;
        lock (_gate)
        {
            feed = _current;
            _current = null;
        }

        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
        }

        if (reason is not null)
        {
            lock (_gate)
            {
                Deliver(new SubscriptionItem(SubscriptionItemKind.Reconnecting, Topic, default, reason));
            }
        }
    }

    internal void Fail(string reason)
    {
        lock (_gate)
        {
            Deliver(new SubscriptionItem(SubscriptionItemKind.Failed, Topic, default, reason));
        }
    }
}
