namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Settings for <see cref="DeribitSimulator.StartAsync"/>. Validated once, when the simulator starts.</summary>
public sealed record DeribitSimulatorOptions
{
    /// <summary>Seeds the market-data generator and the initial books, so two runs with one seed see one market. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The API keys <c>public/auth</c> accepts. Default: <see cref="DeribitAccount.Default"/> only.</summary>
    public IReadOnlyList<DeribitAccount> Accounts { get; init; } = [DeribitAccount.Default];

    /// <summary>Access-token lifetime (<c>expires_in</c>). Default 900 s. Refresh tokens stay valid until used or logged out.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>The clock for token expiry, heartbeats, rate-limit refill, market data and response delays. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a <c>test_request</c> waits for <c>public/test</c> before the connection is closed;
    /// <see langword="null"/> (default) means one heartbeat interval.
    /// </summary>
    public TimeSpan? TestRequestTimeout { get; init; }

    /// <summary>The smallest <c>public/set_heartbeat</c> interval accepted, in seconds. Default 10, as Deribit.</summary>
    public int MinHeartbeatIntervalSeconds { get; init; } = 10;

    /// <summary>The credit rate limiter. Default: Deribit's published defaults, enabled.</summary>
    public DeribitRateLimitOptions RateLimits { get; init; } = new();

    /// <summary>Simultaneous connections (WebSockets plus in-flight HTTP requests) per client IP; the next gets HTTP 429. Default 32.</summary>
    public int MaxConnectionsPerIp { get; init; } = 32;

    /// <summary>The instruments; <see langword="null"/> (default) means BTC-PERPETUAL, ETH-PERPETUAL, the next quarterly BTC and ETH futures and a BTC call and put.</summary>
    public IReadOnlyList<DeribitInstrument>? Instruments { get; init; }

    /// <summary>How often aggregated channels (<c>.100ms</c>, <c>.agg2</c>) publish and the generator moves the market. Default 100 ms.</summary>
    public TimeSpan MarketDataInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether the seeded generator moves prices, reshuffles liquidity and prints synthetic trades each
    /// <see cref="MarketDataInterval"/>. Off, the book only changes through client orders. Default <see langword="true"/>.
    /// </summary>
    public bool GenerateMarketData { get; init; } = true;

    /// <summary>The <c>testnet</c> flag on every response. Default <see langword="false"/>.</summary>
    public bool Testnet { get; init; }

    /// <summary>Port to listen on; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    internal void Validate()
    {
        if (Accounts is null || Accounts.Count == 0 || Accounts.Any(a => a is null || string.IsNullOrEmpty(a.ClientId) || string.IsNullOrEmpty(a.ClientSecret)))
        {
            throw new ArgumentException("DeribitSimulatorOptions.Accounts must hold at least one account, each with a client id and a secret.", nameof(Accounts));
        }

        if (Accounts.Select(a => a.ClientId).Distinct(StringComparer.Ordinal).Count() != Accounts.Count)
        {
            throw new ArgumentException("DeribitSimulatorOptions.Accounts has a duplicate client id.", nameof(Accounts));
        }

        if (TokenLifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(TokenLifetime), TokenLifetime, "DeribitSimulatorOptions.TokenLifetime must be at least 1 s.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, "DeribitSimulatorOptions.TimeProvider");
        if (TestRequestTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TestRequestTimeout), timeout, "DeribitSimulatorOptions.TestRequestTimeout must be positive.");
        }

        if (MinHeartbeatIntervalSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinHeartbeatIntervalSeconds), MinHeartbeatIntervalSeconds, "DeribitSimulatorOptions.MinHeartbeatIntervalSeconds must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(RateLimits, "DeribitSimulatorOptions.RateLimits");
        RateLimits.Validate();
        if (MaxConnectionsPerIp < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConnectionsPerIp), MaxConnectionsPerIp, "DeribitSimulatorOptions.MaxConnectionsPerIp must be at least 1.");
        }

        if (Instruments is not null)
        {
            if (Instruments.Count == 0)
            {
                throw new ArgumentException("DeribitSimulatorOptions.Instruments must not be empty (null means the defaults).", nameof(Instruments));
            }

            foreach (var instrument in Instruments)
            {
                ArgumentNullException.ThrowIfNull(instrument, "DeribitSimulatorOptions.Instruments");
                instrument.Validate("DeribitSimulatorOptions.Instruments");
            }

            if (Instruments.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != Instruments.Count)
            {
                throw new ArgumentException("DeribitSimulatorOptions.Instruments has a duplicate name.", nameof(Instruments));
            }
        }

        if (MarketDataInterval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(MarketDataInterval), MarketDataInterval, "DeribitSimulatorOptions.MarketDataInterval must be at least 1 ms.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "DeribitSimulatorOptions.Port must be 0 to 65535.");
        }
    }
}
