using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Binance;

/// <summary>Settings of <see cref="BinanceMarketStreams"/>. Validated once, at construction.</summary>
public sealed record BinanceMarketStreamsOptions
{
    /// <summary>Gets the endpoints; only <see cref="BinanceEndpoints.Streams"/> is used.</summary>
    /// <value>Default <see cref="BinanceEndpoints.Production"/>; <see cref="BinanceEndpoints.SingleHost(Uri)"/> for a simulator.</value>
    public BinanceEndpoints Endpoints { get; init; } = BinanceEndpoints.Production;

    /// <summary>Gets the most streams one connection carries before another connection is opened.</summary>
    /// <value>Default 1,024 (the Binance cap). Between 1 and 1,024.</value>
    public int MaxStreamsPerConnection { get; init; } = 1024;

    /// <summary>Gets the most connections the streams are sharded over.</summary>
    /// <value>Default 16. Between 1 and 100 (Binance allows 300 connection attempts per 5 minutes per IP).</value>
    public int MaxConnections { get; init; } = 16;

    /// <summary>Gets the most control messages (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS) one connection sends in any
    /// one-second window. Binance disconnects above 5 incoming messages per second, pongs included, so this stays
    /// below 5 to leave room for the pong.</summary>
    /// <value>Default 4. Between 1 and 4.</value>
    public int ControlMessagesPerSecond { get; init; } = 4;

    /// <summary>Gets how long a connection lives before it is replaced make-before-break (Binance cuts at 24 hours).</summary>
    /// <value>Default 23 hours 30 minutes; <see langword="null"/> turns scheduled rotation off (a <c>serverShutdown</c>
    /// notice still rotates). At least 1 second.</value>
    public TimeSpan? RotationInterval { get; init; } = TimeSpan.FromHours(23.5);

    /// <summary>Gets the longest overlap of old and new connection during a rotation.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan HandoverTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the reconnection policy of each connection (its streams are subscribed again, with markers).</summary>
    /// <value>Default <see cref="ReconnectPolicy.Default"/>.</value>
    public ReconnectPolicy Reconnect { get; init; } = ReconnectPolicy.Default;

    /// <summary>Gets the liveness check. ClientWebSocket answers the server's pings (every 20 s) by itself; the
    /// default watchdog reconnects when neither a ping nor data arrived for 50 seconds.</summary>
    /// <value>Default <see cref="ServerPingHeartbeatOptions"/> with a 50 second timeout.</value>
    public HeartbeatOptions Heartbeat { get; init; } = new ServerPingHeartbeatOptions { Timeout = TimeSpan.FromSeconds(50) };

    /// <summary>Gets how long a control message waits for its answer (LIST_SUBSCRIPTIONS), counted from its write.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a SUBSCRIBE waits for its acknowledgement.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a control message may wait for the throttle before it fails.</summary>
    /// <value>Default 5 minutes (1,024 single subscribes at 4 per second take about 4 minutes).</value>
    public TimeSpan ThrottleMaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets each subscriber's queue settings.</summary>
    /// <value>Default <see cref="SubscribeOptions.Default"/>.</value>
    public SubscribeOptions Subscriber { get; init; } = SubscribeOptions.Default;

    /// <summary>Gets the clock of timers, heartbeats and throttles.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory.</summary>
    /// <value>Default <see langword="null"/>: no logs.</value>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoints, "BinanceMarketStreamsOptions.Endpoints");
        InRange(MaxStreamsPerConnection, 1, 1024, "BinanceMarketStreamsOptions.MaxStreamsPerConnection");
        InRange(MaxConnections, 1, 100, "BinanceMarketStreamsOptions.MaxConnections");
        InRange(ControlMessagesPerSecond, 1, 4, "BinanceMarketStreamsOptions.ControlMessagesPerSecond");
        if (RotationInterval is { } rotation && (rotation < TimeSpan.FromSeconds(1) || rotation >= TimeSpan.FromHours(24)))
        {
            throw new ArgumentOutOfRangeException("BinanceMarketStreamsOptions.RotationInterval", rotation, "BinanceMarketStreamsOptions.RotationInterval must be at least 1 second and under 24 hours (Binance cuts connections at 24 hours).");
        }

        Positive(HandoverTimeout, "BinanceMarketStreamsOptions.HandoverTimeout");
        Positive(RequestTimeout, "BinanceMarketStreamsOptions.RequestTimeout");
        Positive(AckTimeout, "BinanceMarketStreamsOptions.AckTimeout");
        Positive(ThrottleMaxWait, "BinanceMarketStreamsOptions.ThrottleMaxWait");
        ArgumentNullException.ThrowIfNull(Reconnect, "BinanceMarketStreamsOptions.Reconnect");
        ArgumentNullException.ThrowIfNull(Heartbeat, "BinanceMarketStreamsOptions.Heartbeat");
        ArgumentNullException.ThrowIfNull(Subscriber, "BinanceMarketStreamsOptions.Subscriber");
        ArgumentNullException.ThrowIfNull(TimeProvider, "BinanceMarketStreamsOptions.TimeProvider");
        Reconnect.Validate();
        Heartbeat.Validate();
        Subscriber.Validate();
    }

    private static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive, finite duration.");
        }
    }
}
