namespace ZenWebsocket;

/// <summary>
/// One consumer's subscription to a topic. Several consumers of one topic share one wire subscription; the wire
/// unsubscribe goes out when the last one is disposed. Read it with <see cref="ReadAllAsync"/>: data, plus in-band
/// <see cref="SubscriptionItemKind.Reconnecting"/>/<see cref="SubscriptionItemKind.Restored"/> markers where they happened.
/// </summary>
public sealed class Subscription : IAsyncDisposable
{
    private readonly SubscriptionManager _manager;
    private readonly SubscriberQueue _queue;
    private int _disposed;

    internal Subscription(SubscriptionManager manager, TopicEntry entry, SubscribeOptions options)
    {
        _manager = manager;
        Entry = entry;
        _queue = new SubscriberQueue(options.Capacity, options.FullMode);
    }

    /// <summary>Gets the canonical topic.</summary>
    public string Topic => Entry.Topic;

    /// <summary>Gets the topic's current state with the server.</summary>
    public SubscriptionState State => Entry.State;

    /// <summary>Gets how many data items this subscriber lost to its full queue.</summary>
    public long Dropped => _queue.Dropped;

    /// <summary>Gets how many items wait to be read.</summary>
    public int Pending => _queue.Count;

    internal TopicEntry Entry { get; }

    /// <summary>Reads the topic's items in order; ends when the subscription is disposed or the topic failed.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items.</returns>
    public IAsyncEnumerable<SubscriptionItem> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.ReadAllAsync(cancellationToken);

    /// <summary>Leaves the topic; the last subscriber to leave sends the wire unsubscribe.</summary>
    /// <returns>A task that completes when the unsubscribe (if any) was acknowledged or failed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Complete();
        await _manager.ReleaseAsync(this).ConfigureAwait(false);
    }

    internal void Deliver(in SubscriptionItem item)
    {
        if (!_queue.Enqueue(item))
        {
            ZenTelemetry.RecordDrop();
        }
    }

    internal void Complete() => _queue.Complete();
}
