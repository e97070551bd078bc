namespace ZenWebsocket;

/// <summary>One connection's subscription of a pool subscriber and the pump that forwards its items.</summary>
internal sealed class PoolFeed(PooledConnection connection, Subscription inner) : IAsyncDisposable
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

    public void Start(Action<PoolFeed, SubscriptionItem> forward)
    {
        if (Inner.State == SubscriptionState.Active)
        {
            _confirmed.TrySetResult();
        }

        _pump = Task.Run(() => PumpAsync(forward), CancellationToken.None);
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

    private async Task PumpAsync(Action<PoolFeed, SubscriptionItem> forward)
    {
        try
        {
            await foreach (var item in Inner.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (item.Kind == SubscriptionItemKind.Restored)
                {
                    _confirmed.TrySetResult();
                }
                else if (item.Kind == SubscriptionItemKind.Failed)
                {
                    _confirmed.TrySetException(new ZenExchangeException(0, item.Detail ?? $"The server refused '{Inner.Topic}'."));
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
