namespace ZenWebsocket;

/// <summary>One connection of a <see cref="ConnectionPool"/>: its client, its requests, its subscriptions, its health.</summary>
public sealed class PooledConnection : IAsyncDisposable
{
    private readonly DecayingCounter _errors;
    private readonly CompositeRateLimiter? _ownLimiter;
    private readonly CompositeRateLimiter? _gatedLimiter;
    private readonly IDisposable? _signalRegistration;
    private int _topics;
    private int _retiring;
    private int _down;
    private int _disposed;
    private ITimer? _rotationTimer;

    internal PooledConnection(int slot, ZenClient client, ConnectionPoolOptions options, Action<PooledConnection>? onRotationSignal)
    {
        Slot = slot;
        Client = client;
        if (options.RotationSignal is { } signal && onRotationSignal is not null)
        {
            // First in line: a shutdown notice must be seen before routing could count it as an orphan.
            _signalRegistration = client.AddInterceptor(new RotationSignalInterceptor(signal, () => onRotationSignal(this)));
        }

        var requests = options.Requests;
        if (options.ConnectionRateLimiter is { } limiterFactory)
        {
            _ownLimiter = limiterFactory(client.Options.TimeProvider);

            // A connection that is not connected sends nothing, so it is charged nothing: subscribes registered before
            // the connect (a rotation's replacement) cost no token, and the restore on connect is charged in batches.
            _gatedLimiter = new CompositeRateLimiter(_ownLimiter.Rules.Select(r => new RateLimitRule(r.Limiter, new WhileConnectedCost(r.Cost, client))));
            requests = requests with { RateLimiter = _gatedLimiter };
        }

        Requests = new RequestCorrelator(client, requests);
        Subscriptions = options.SubscriptionDialect is { } dialect ? new SubscriptionManager(Requests, dialect, options.Subscriptions) : null;
        _errors = new DecayingCounter(client.Options.TimeProvider, options.ErrorDecay);
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

    /// <summary>Gets whether the pool is replacing this connection (a rotation is under way); it takes no new topics.</summary>
    public bool IsRetiring => Volatile.Read(ref _retiring) != 0;

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
        // A rotation that fails while the pool closes may dispose its replacement twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _rotationTimer, null)?.Dispose();
        _signalRegistration?.Dispose();
        if (Subscriptions is not null)
        {
            await Subscriptions.DisposeAsync().ConfigureAwait(false);
        }

        Requests.Dispose();
        await Client.DisposeAsync().ConfigureAwait(false);
        _gatedLimiter?.Dispose();
        _ownLimiter?.Dispose();
    }

    internal void RecordError() => _errors.Increment();

    internal void AddTopic() => Interlocked.Increment(ref _topics);

    internal void RemoveTopic() => Interlocked.Decrement(ref _topics);

    /// <summary>Marks the connection as being replaced; returns false when it already was.</summary>
    internal bool TryRetire() => Interlocked.Exchange(ref _retiring, 1) == 0;

    /// <summary>Claims the handling of this connection's final end (exactly one caller wins).</summary>
    internal bool TryMarkDown() => Interlocked.Exchange(ref _down, 1) == 0;

    internal void CancelRetire() => Volatile.Write(ref _retiring, 0);

    internal void ScheduleRotation(TimeSpan after, Action<PooledConnection> rotate) =>
        Interlocked.Exchange(ref _rotationTimer, Client.Options.TimeProvider.CreateTimer(_ => rotate(this), null, after, Timeout.InfiniteTimeSpan))?.Dispose();

    /// <summary>A cost that applies only while the client is connected.</summary>
    private sealed class WhileConnectedCost(IRequestCost cost, ZenClient client) : IRequestCost
    {
        public int GetCost(string method) => client.State == ConnectionState.Connected ? cost.GetCost(method) : 0;
    }

    /// <summary>Consumes the server's "closing soon" notice and reports it once per connection.</summary>
    private sealed class RotationSignalInterceptor(Func<ReadOnlyMemory<byte>, bool> signal, Action onSignal) : IMessageInterceptor
    {
        public bool OnMessage(in ZenMessage message)
        {
            if (!message.IsText || !signal(message.Data))
            {
                return false;
            }

            onSignal();
            return true;
        }
    }
}
