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

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        Guard.InRange(Size, 1, 1_000, "ConnectionPoolOptions.Size");
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
