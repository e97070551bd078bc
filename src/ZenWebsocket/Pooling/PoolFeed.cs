namespace ZenWebsocket;

/// <summary>One connection's subscription of a pool subscriber and the pump that forwards its items.</summary>
/// <param name="connection">The connection that carries the subscription.</param>
/// <param name="inner">The connection's subscription.</param>
/// <param name="handover">Whether the feed is the new side of a rotation: it was registered before its connection
/// connected, so the Restored marker that confirms it only says the new stream is live. That marker goes to the pool
/// as the confirmation and never to the consumer, who saw no interruption.</param>
internal sealed class PoolFeed(PooledConnection connection, Subscription inner, bool handover = false) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;
    private int _disposed;

    public PooledConnection Connection { get; } = connection;

    public Subscription Inner { get; } = inner;

    /// <summary>Completes when the server confirmed the topic on this connection (at once if it already had; else at
    /// its Restored marker); fails at a Failed marker.</summary>
    public Task Confirmed => _confirmed.Task;

    /// <summary>Starts forwarding.</summary>
    /// <param name="forward">Takes each item the consumer may see, on the pump.</param>
    /// <param name="confirmed">Told (on the pump, after <see cref="Confirmed"/> completed) when a handover feed's
    /// confirmation arrived; that marker is not forwarded.</param>
    public void Start(Action<PoolFeed, SubscriptionItem> forward, Action<PoolFeed>? confirmed = null)
    {
        if (Inner.State == SubscriptionState.Active)
        {
            _confirmed.TrySetResult();
        }

        _pump = Task.Run(() => PumpAsync(forward, confirmed), CancellationToken.None);
    }

    /// <summary>Stops forwarding and leaves the connection's subscription (the last subscriber to leave unsubscribes,
    /// unless the connection is already closed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            await Inner.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or ZenWebSocketException)
        {
            // The connection is closing under us (pool disposal, failed rotation): there is nothing left to leave.
        }
    }

    private async Task PumpAsync(Action<PoolFeed, SubscriptionItem> forward, Action<PoolFeed>? confirmed)
    {
        // A Restored marker answers a Reconnecting one; without one before it, it is the first confirmation of a topic
        // registered while the connection was not connected.
        var interrupted = false;
        try
        {
            await foreach (var item in Inner.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                switch (item.Kind)
                {
                    case SubscriptionItemKind.Reconnecting:
                        interrupted = true;
                        break;
                    case SubscriptionItemKind.Restored:
                        _confirmed.TrySetResult();
                        if (handover && !interrupted)
                        {
                            // The data may have come before the acknowledgement (and waits in the pool's buffer), and
                            // the switch may already have happened on the pool's clock: either way the consumer saw
                            // no interruption, so there is nothing to restore in their stream.
                            confirmed?.Invoke(this);
                            continue;
                        }

                        interrupted = false;
                        break;
                    case SubscriptionItemKind.Failed:
                        _confirmed.TrySetException(new ZenExchangeException(0, item.Detail ?? $"The server refused '{Inner.Topic}'."));
                        break;
                    default:
                        break;
                }

                forward(this, item);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the topic moved, was handed over, or the subscriber left.
        }

        _confirmed.TrySetCanceled();
    }
}
