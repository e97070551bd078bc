namespace ZenWebsocket;

/// <summary>
/// A subscription held by a <see cref="ConnectionPool"/>: its stream continues when the pool moves the topic to
/// another connection, with a Reconnecting marker where the old connection died and a Restored marker where the
/// new one took over.
/// </summary>
public sealed class PoolSubscription : IAsyncDisposable
{
    private readonly ConnectionPool _pool;
    private readonly SubscribeOptions _options;
    private readonly SubscriberQueue _queue;
    private Subscription? _inner;
    private CancellationTokenSource? _pumpStop;
    private Task _pump = Task.CompletedTask;
    private int _disposed;

    internal PoolSubscription(ConnectionPool pool, string topic, SubscribeOptions options)
    {
        _pool = pool;
        Topic = topic;
        _options = options;
        _queue = new SubscriberQueue(options.Capacity, options.FullMode);
    }

    /// <summary>Gets the canonical topic.</summary>
    public string Topic { get; }

    /// <summary>Gets the connection that carries the topic now.</summary>
    public PooledConnection? Connection { get; private set; }

    /// <summary>Gets the topic's state on its current connection.</summary>
    public SubscriptionState State => _inner?.State ?? SubscriptionState.Restoring;

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

        await DetachAsync().ConfigureAwait(false);
        _queue.Complete();
        await _pool.ReleaseAsync(this).ConfigureAwait(false);
    }

    /// <summary>Subscribes on a connection and forwards its stream; a move writes Restored once it is back.</summary>
    internal async Task AttachAsync(PooledConnection connection, bool moved, CancellationToken cancellationToken)
    {
        var inner = await connection.Subscriptions!.SubscribeAsync(Topic, _options, cancellationToken).ConfigureAwait(false);
        Connection = connection;
        _inner = inner;
        if (moved)
        {
            _queue.Enqueue(new SubscriptionItem(SubscriptionItemKind.Restored, Topic, default, $"moved to connection {connection.Client.GetDiagnostics().ConnectionId}"));
        }

        var stop = new CancellationTokenSource();
        _pumpStop = stop;
        _pump = Task.Run(() => PumpAsync(inner, stop.Token), CancellationToken.None);
    }

    /// <summary>Stops forwarding from the current connection and marks the hole in the stream.</summary>
    internal async Task DetachAsync(string? reason = null)
    {
        if (_pumpStop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
            stop.Dispose();
            _pumpStop = null;
        }

        if (_inner is { } inner)
        {
            _inner = null;
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        if (reason is not null)
        {
            _queue.Enqueue(new SubscriptionItem(SubscriptionItemKind.Reconnecting, Topic, default, reason));
        }
    }

    internal void Fail(string reason)
    {
        _queue.Enqueue(new SubscriptionItem(SubscriptionItemKind.Failed, Topic, default, reason));
    }

    private async Task PumpAsync(Subscription inner, CancellationToken stop)
    {
        try
        {
            await foreach (var item in inner.ReadAllAsync(stop).ConfigureAwait(false))
            {
                _queue.Enqueue(item);
            }
        }
        catch (OperationCanceledException)
        {
            // Detached: the pool moves the topic or the subscriber left.
        }
    }
}
