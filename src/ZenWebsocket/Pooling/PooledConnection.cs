namespace ZenWebsocket;

/// <summary>One connection of a <see cref="ConnectionPool"/>: its client, its requests, its subscriptions, its health.</summary>
public sealed class PooledConnection : IAsyncDisposable
{
    private readonly DecayingCounter _errors;
    private int _topics;

    internal PooledConnection(int slot, ZenClient client, RequestCorrelatorOptions requests, ISubscriptionDialect? dialect, SubscriptionManagerOptions subscriptions, TimeSpan errorDecay)
    {
        Slot = slot;
        Client = client;
        Requests = new RequestCorrelator(client, requests);
        Subscriptions = dialect is null ? null : new SubscriptionManager(Requests, dialect, subscriptions);
        _errors = new DecayingCounter(client.Options.TimeProvider, errorDecay);
    }

    /// <summary>Gets the slot number in the pool (a replacement takes a new one).</summary>
    public int Slot { get; }

    /// <summary>Gets the client.</summary>
    public ZenClient Client { get; }

    /// <summary>Gets the request correlator on this connection.</summary>
    public RequestCorrelator Requests { get; }

    /// <summary>Gets the subscription manager on this connection, when the pool shards subscriptions.</summary>
    public SubscriptionManager? Subscriptions { get; }

    /// <summary>Gets how many topics this connection carries.</summary>
    public int Topics => Volatile.Read(ref _topics);

    /// <summary>Gets whether the connection can still come back (it is not finally down).</summary>
    public bool IsAlive => !Client.Completion.IsCompleted;

    /// <summary>Computes the connection's health now.</summary>
    /// <returns>The health.</returns>
    public ConnectionHealth GetHealth() => ConnectionHealth.Compute(
        Client.State,
        Requests.GetStats().Pending,
        Requests.Latency.Snapshot() is { IsEmpty: false } latency ? latency.P99 : TimeSpan.Zero,
        _errors.Read(),
        Topics);

    /// <summary>Closes the connection and its layers.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Subscriptions is not null)
        {
            await Subscriptions.DisposeAsync().ConfigureAwait(false);
        }

        Requests.Dispose();
        await Client.DisposeAsync().ConfigureAwait(false);
    }

    internal void RecordError() => _errors.Increment();

    internal void AddTopic() => Interlocked.Increment(ref _topics);

    internal void RemoveTopic() => Interlocked.Decrement(ref _topics);
}
