namespace ZenWebsocket;

/// <summary>
/// A subscription held by an <see cref="ExchangeAdapter"/>. Its stream outlives the connections: each new
/// connection's <see cref="SubscriptionManager"/> carries the topic for a while, and this stream reads them one
/// after the other, with a <see cref="SubscriptionItemKind.Reconnecting"/> marker where a live connection was lost
/// and a <see cref="SubscriptionItemKind.Restored"/> marker where the topic is confirmed on the next one.
/// </summary>
/// <remarks>
/// Only the adapter's loop attaches and detaches it, so a reconnect and a user call never race on it. A topic the
/// venue rejects gets a <see cref="SubscriptionItemKind.Failed"/> marker, its stream ends, and it is not restored.
/// </remarks>
public sealed class AdapterSubscription : IAsyncDisposable
{
    private readonly ExchangeAdapter _adapter;
    private readonly SubscriberQueue _queue;
    private Subscription? _inner;
    private Task _pump = Task.CompletedTask;
    private volatile bool _awaitingRestore;
    private volatile bool _failed;
    private int _disposed;

    internal AdapterSubscription(ExchangeAdapter adapter, string topic, SubscribeOptions options)
    {
        _adapter = adapter;
        Topic = topic;
        Options = options;
        _queue = new SubscriberQueue(options.Capacity, options.FullMode);
    }

    /// <summary>Gets the topic as subscribed.</summary>
    public string Topic { get; }

    /// <summary>Gets the topic's state on the current connection (<see cref="SubscriptionState.Restoring"/> between connections).</summary>
    public SubscriptionState State => _failed ? SubscriptionState.Failed : Volatile.Read(ref _inner)?.State ?? SubscriptionState.Restoring;

    /// <summary>Gets how many data items this subscriber lost to its full queue.</summary>
    public long Dropped => _queue.Dropped;

    internal SubscribeOptions Options { get; }

    internal bool IsFailed => _failed;

    /// <summary>Whether the topic was live on the current connection (a loss then needs a Reconnecting marker).</summary>
    internal bool WasLive { get; set; }

    /// <summary>Reads the topic's items in order across reconnects: data and in-band markers.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items; the stream ends when the subscription is disposed, the topic failed, or the adapter stopped.</returns>
    public IAsyncEnumerable<SubscriptionItem> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.ReadAllAsync(cancellationToken);

    /// <summary>Leaves the topic (the adapter unsubscribes on the wire when the last subscriber of it leaves).</summary>
    /// <returns>A task that completes when left.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The reader's stream ends now; the wire unsubscribe follows on the adapter's loop.
        _queue.Complete();
        await _adapter.ReleaseAsync(this).ConfigureAwait(false);
    }

    /// <summary>Joins the topic on a connection's manager and forwards its stream. Called by the adapter's loop only.</summary>
    internal async Task AttachAsync(SubscriptionManager manager, CancellationToken cancellationToken)
    {
        var inner = await manager.SubscribeAsync(Topic, Options, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _inner, inner);
        _pump = Task.Run(() => PumpAsync(inner), CancellationToken.None);
    }

    /// <summary>
    /// Called by the adapter's loop once the connection's manager has been disposed: drains what the old
    /// connection delivered, then marks the hole if the topic was live there.
    /// </summary>
    internal async Task DetachAsync(bool leaving)
    {
        var inner = Volatile.Read(ref _inner);
        if (inner is not null && leaving)
        {
            // The user leaves while connected: the manager unsubscribes on the wire if this was the last subscriber.
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await _pump.ConfigureAwait(false);
        Volatile.Write(ref _inner, null);
        if (WasLive && !leaving && !_failed)
        {
            _awaitingRestore = true;
            _queue.Enqueue(new SubscriptionItem(SubscriptionItemKind.Reconnecting, Topic, default, "connection lost"));
        }

        WasLive = false;
    }

    /// <summary>Ends the stream with a Failed marker saying why (the adapter faulted).</summary>
    internal void Fail(string reason)
    {
        _failed = true;
        _queue.Enqueue(new SubscriptionItem(SubscriptionItemKind.Failed, Topic, default, reason));
    }

    /// <summary>Ends the stream without a marker (the adapter stopped).</summary>
    internal void Complete() => _queue.Complete();

    private async Task PumpAsync(Subscription inner)
    {
        // Ends when the manager is disposed (connection thrown away), the subscription is disposed, or it failed.
        await foreach (var item in inner.ReadAllAsync().ConfigureAwait(false))
        {
            switch (item.Kind)
            {
                case SubscriptionItemKind.Reconnecting:
                    // The adapter writes its own marker once the old connection's data is drained.
                    continue;
                case SubscriptionItemKind.Restored when !_awaitingRestore:
                    // A topic first subscribed during a connect is "restored" by the manager; there was no hole.
                    continue;
                case SubscriptionItemKind.Restored:
                    _awaitingRestore = false;
                    break;
                case SubscriptionItemKind.Failed:
                    _failed = true;
                    break;
            }

            _queue.Enqueue(item);
        }
    }
}
