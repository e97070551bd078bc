namespace ZenWebsocket;

/// <summary>Settings of a <see cref="ConnectionPool"/>.</summary>
public sealed record ConnectionPoolOptions
{
    /// <summary>Gets how many connections the pool holds.</summary>
    /// <value>Default 2. Between 1 and 1,000 (Deribit allows 32 per IP).</value>
    public int Size { get; init; } = 2;

    /// <summary>Gets the options of every connection (reconnection, heartbeat, clock).</summary>
    /// <value>Default <see cref="ZenClientOptions.Default"/>.</value>
    public ZenClientOptions Client { get; init; } = ZenClientOptions.Default;

    /// <summary>Gets the request settings of every connection.</summary>
    /// <value>Default JSON-RPC 2.0.</value>
    public RequestCorrelatorOptions Requests { get; init; } = new();

    /// <summary>Gets the subscription dialect; without one the pool does not shard subscriptions.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public ISubscriptionDialect? SubscriptionDialect { get; init; }

    /// <summary>Gets the subscription settings of every connection.</summary>
    /// <value>Default <see cref="SubscriptionManagerOptions"/>.</value>
    public SubscriptionManagerOptions Subscriptions { get; init; } = new();

    /// <summary>Gets the most topics one connection carries (Binance: 1,024 streams).</summary>
    /// <value>Default 1,024.</value>
    public int MaxTopicsPerConnection { get; init; } = 1024;

    /// <summary>Gets how many connections one request may try before giving up.</summary>
    /// <value>Default 3.</value>
    public int MaxFailoverAttempts { get; init; } = 3;

    /// <summary>Gets the time constant with which recent errors fade from a connection's health.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan ErrorDecay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets whether a connection that is finally down is replaced by a new one.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ReplaceDeadConnections { get; init; } = true;

    /// <summary>Gets the most connections the pool grows to: when every connection carries
    /// <see cref="MaxTopicsPerConnection"/> topics, a subscribe opens one more, up to this bound; extra connections
    /// (beyond <see cref="Size"/>) that carry no topic any more are closed.</summary>
    /// <value>Default <see langword="null"/>: the pool stays at <see cref="Size"/>. At least <see cref="Size"/>, at most 1,000.</value>
    public int? MaxSize { get; init; }

    /// <summary>Gets a factory of each connection's own local rate limit (Binance counts control messages per
    /// connection); it is called with the pool's clock once per connection and the limiter is disposed with it.</summary>
    /// <value>Default <see langword="null"/>: only <see cref="RequestCorrelatorOptions.RateLimiter"/> of <see cref="Requests"/> (shared) applies.</value>
    public Func<TimeProvider, CompositeRateLimiter>? ConnectionRateLimiter { get; init; }

    /// <summary>Gets how long a connection lives before the pool replaces it, make-before-break (Binance cuts every
    /// connection at 24 hours): the replacement is opened and carries every topic before the old one closes.</summary>
    /// <value>Default <see langword="null"/>: no scheduled rotation. At least 1 second when set.</value>
    public TimeSpan? RotationInterval { get; init; }

    /// <summary>Gets a test of an inbound message for "this server is about to close the connection" (Binance
    /// <c>serverShutdown</c>); a matching message is consumed and starts a make-before-break rotation of its connection.</summary>
    /// <value>Default <see langword="null"/>: no such signal.</value>
    public Func<ReadOnlyMemory<byte>, bool>? RotationSignal { get; init; }

    /// <summary>Gets the reader of a data message's sequence number per topic (trade id, final update id, event
    /// time). During a rotation both connections carry a topic for a while; the sequence decides where the new one
    /// takes over, so the consumer sees neither a gap nor a duplicate.</summary>
    /// <value>Default <see langword="null"/>: the new connection takes over at its first message (a duplicate or a
    /// missed message is possible at the switch).</value>
    public PoolSequenceReader? Sequence { get; init; }

    /// <summary>Gets the longest overlap of a rotation: a topic whose old and new streams have not met by then (a
    /// quiet topic) switches anyway.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan HandoverTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        Guard.InRange(Size, 1, 1_000, "ConnectionPoolOptions.Size");
        if (MaxSize is { } max)
        {
            Guard.InRange(max, Size, 1_000, "ConnectionPoolOptions.MaxSize");
        }

        if (RotationInterval is { } rotation && (rotation < TimeSpan.FromSeconds(1) || rotation == Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException("ConnectionPoolOptions.RotationInterval", rotation, "ConnectionPoolOptions.RotationInterval must be at least 1 second when set.");
        }

        Guard.Positive(HandoverTimeout, "ConnectionPoolOptions.HandoverTimeout");
        Guard.InRange(MaxTopicsPerConnection, 1, 1_000_000, "ConnectionPoolOptions.MaxTopicsPerConnection");
        Guard.InRange(MaxFailoverAttempts, 1, 100, "ConnectionPoolOptions.MaxFailoverAttempts");
        Guard.Positive(ErrorDecay, "ConnectionPoolOptions.ErrorDecay");
        ArgumentNullException.ThrowIfNull(Client, "ConnectionPoolOptions.Client");
        Client.Validate();
        ArgumentNullException.ThrowIfNull(Requests, "ConnectionPoolOptions.Requests");
        Requests.Validate();
        ArgumentNullException.ThrowIfNull(Subscriptions, "ConnectionPoolOptions.Subscriptions");
        Subscriptions.Validate();
    }
}
