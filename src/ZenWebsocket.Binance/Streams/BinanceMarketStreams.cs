namespace ZenWebsocket.Binance;

/// <summary>
/// Binance Spot market streams over combined-stream connections (<c>/stream</c>, live SUBSCRIBE): typed payloads,
/// sharding over more connections beyond <see cref="BinanceMarketStreamsOptions.MaxStreamsPerConnection"/>, a
/// per-connection control-message throttle under Binance's 5 per second, restore after a reconnect (with
/// Reconnecting/Restored markers), and make-before-break rotation before the 24 hour cut and on <c>serverShutdown</c>,
/// so a consumer sees no gap and no duplicate.
/// </summary>
public sealed partial class BinanceMarketStreams : IBinanceStreamSource, IAsyncDisposable
{
    private readonly BinanceMarketStreamsOptions _options;
    private readonly ConnectionPool _pool;
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private bool _started;
    private int _disposed;

    /// <summary>Creates the client; the first connection opens with the first subscribe (or <see cref="StartAsync"/>).</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (production).</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public BinanceMarketStreams(BinanceMarketStreamsOptions? options = null)
    {
        options ??= new BinanceMarketStreamsOptions();
        options.Validate();
        _options = options;
        Endpoint = new Uri(options.Endpoints.Streams, "/stream");
        _pool = new ConnectionPool(Endpoint, CreatePoolOptions(options));
    }

    /// <summary>Gets the combined-stream endpoint every connection opens.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the connections (one per shard; two of them briefly during a rotation).</summary>
    public IReadOnlyList<PooledConnection> Connections => _pool.Connections;

    /// <summary>Gets how many rotations completed.</summary>
    public long Rotations => _pool.Rotations;

    /// <summary>Opens the first connection (subscribing does it too).</summary>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>A task that completes when connected.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                await _pool.StartAsync(cancellationToken).ConfigureAwait(false);
                _started = true;
            }
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ZenExchangeException">Binance refused the stream.</exception>
    /// <exception cref="ZenTimeoutException">No acknowledgement within <see cref="BinanceMarketStreamsOptions.AckTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">Every connection up to <see cref="BinanceMarketStreamsOptions.MaxConnections"/> is full.</exception>
    public async Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default) =>
        await SubscribeStreamAsync(streamName, cancellationToken).ConfigureAwait(false);

    /// <summary>Subscribes to one stream by name; see <see cref="SubscribeAsync"/>.</summary>
    /// <param name="streamName">The stream name, e.g. <c>btcusdt@depth@100ms</c>.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The stream; dispose it to leave.</returns>
    public async Task<BinanceStreamSubscription> SubscribeStreamAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var canonical = BinanceStreamNames.Canonicalize(streamName);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var inner = await _pool.SubscribeAsync(canonical, _options.Subscriber, cancellationToken).ConfigureAwait(false);
        return new BinanceStreamSubscription(inner);
    }

    /// <summary>Asks every connection which streams it carries (<c>LIST_SUBSCRIPTIONS</c>; one control message each).</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Per connection, in <see cref="Connections"/> order, the stream names Binance reports.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var lists = new List<IReadOnlyList<string>>();
        foreach (var connection in _pool.Connections)
        {
            lists.Add(await connection.Requests.RequestAsync("LIST_SUBSCRIPTIONS", RpcParams.None, BinanceMarketJson.Default.IReadOnlyListString, new RequestOptions { Idempotent = true }, cancellationToken).ConfigureAwait(false));
        }

        return lists;
    }

    /// <summary>Replaces a connection now, make-before-break (as the schedule and <c>serverShutdown</c> do).</summary>
    /// <param name="connection">One of <see cref="Connections"/>.</param>
    /// <param name="cancellationToken">Cancels the rotation before the switch.</param>
    /// <returns>Whether the connection was replaced.</returns>
    public Task<bool> RotateAsync(PooledConnection connection, CancellationToken cancellationToken = default) =>
        _pool.RotateAsync(connection, cancellationToken);

    /// <summary>Closes every connection; the streams end.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _pool.DisposeAsync().ConfigureAwait(false);
        _startGate.Dispose();
    }

    private static ConnectionPoolOptions CreatePoolOptions(BinanceMarketStreamsOptions options) => new()
    {
        Size = 1,
        MaxSize = options.MaxConnections,
        MaxTopicsPerConnection = options.MaxStreamsPerConnection,
        Client = new ZenClientOptions
        {
            Heartbeat = options.Heartbeat,
            ReconnectOnError = true,
            Reconnect = options.Reconnect,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        },
        Requests = new RequestCorrelatorOptions { Dialect = BinanceStreamRpcDialect.Instance, RequestTimeout = options.RequestTimeout },
        ConnectionRateLimiter = time => CreateThrottle(options, time),
        SubscriptionDialect = BinanceStreamDialect.Instance,
        Subscriptions = new SubscriptionManagerOptions
        {
            AckTimeout = options.AckTimeout,
            RestoreBatchSize = BinanceStreamDialect.MaxStreamsPerMessage,
            RestoreMessagesPerSecond = options.ControlMessagesPerSecond,
        },
        RotationInterval = options.RotationInterval,
        RotationSignal = BinanceServerShutdown.IsAnnouncement,
        Sequence = BinanceStreamSequence.TryRead,
        HandoverTimeout = options.HandoverTimeout,
    };

    /// <summary>One token, back every <c>1 s / rate</c> plus a millisecond: no one-second window then holds more than
    /// <c>rate</c> control messages (a bucket of <c>rate</c> tokens would allow twice that across a refill).</summary>
    private static CompositeRateLimiter CreateThrottle(BinanceMarketStreamsOptions options, TimeProvider time)
    {
        var limiter = new ZenRateLimiter(
            new RateLimitOptions
            {
                Name = "binance.stream.control",
                Capacity = 1,
                RefillAmount = 1,
                RefillPeriod = TimeSpan.FromSeconds(1.0 / options.ControlMessagesPerSecond) + TimeSpan.FromMilliseconds(1),
                MaxWait = options.ThrottleMaxWait,
                QueueLimit = 100_000,
            },
            time);
        return new CompositeRateLimiter([new RateLimitRule(limiter, FixedCost.One)], ownsLimiters: true);
    }
}
