namespace ZenWebsocket.Binance;

/// <summary>Options of a <see cref="BinanceApiClient"/> (the Options pattern: bindable, validated once by the client).</summary>
public sealed class BinanceApiClientOptions : ExchangeAdapterOptions
{
    /// <summary>The longest receive window Binance accepts (B.6.1).</summary>
    public static readonly TimeSpan MaxRecvWindow = TimeSpan.FromMilliseconds(60_000);

    private BinanceEnvironment _environment;

    /// <summary>Initializes options pointing at production (<c>wss://ws-api.binance.com:443/ws-api/v3</c>).</summary>
    public BinanceApiClientOptions()
    {
        Endpoint = BinanceEndpoints.Production.Api;
    }

    /// <summary>Gets or sets the environment; setting it also sets <see cref="ExchangeAdapterOptions.Endpoint"/> to its
    /// WebSocket API (set <see cref="ExchangeAdapterOptions.Endpoint"/> afterwards for any other URL, e.g. a simulator).</summary>
    /// <value>Default <see cref="BinanceEnvironment.Production"/>.</value>
    public BinanceEnvironment Environment
    {
        get => _environment;
        set
        {
            _environment = value;
            Endpoint = BinanceEndpoints.For(value).Api;
        }
    }

    /// <summary>Gets or sets the API key; <see langword="null"/> for public methods only (<c>time</c>, <c>ping</c>).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public BinanceCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the <c>recvWindow</c> sent with every signed request: how long after its timestamp the
    /// server still accepts it.</summary>
    /// <value>Default 5 seconds (Binance's default). Between 1 ms and 60 s, whole milliseconds.</value>
    public TimeSpan RecvWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets whether the offset between the local clock and the server's is measured (with
    /// <c>time</c>) on every connect and every <see cref="ClockSyncInterval"/>, and added to every timestamp, so a
    /// skewed local clock does not cause -1021.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ClockSync { get; set; } = true;

    /// <summary>Gets or sets how often the clock offset is measured again while connected.</summary>
    /// <value>Default 10 minutes. <see cref="TimeSpan.Zero"/> measures only on connect.</value>
    public TimeSpan ClockSyncInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets whether an Ed25519 key logs the connection on (<c>session.logon</c>), so later requests
    /// carry no signature. HMAC and RSA keys always sign each request.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool SessionLogon { get; set; } = true;

    /// <summary>Gets or sets the local limits. The client then passes every request through a limiter built by
    /// <see cref="BinanceApiRateLimits.CreateLimiter"/> on <see cref="ExchangeAdapterOptions.TimeProvider"/>, and
    /// each response's <c>rateLimits</c> and every 429/418 <c>retryAfter</c> hold it back. <see langword="null"/>
    /// turns local limiting off. Ignored when <see cref="ExchangeAdapterOptions.RateLimiter"/> is set.</summary>
    /// <value>Default Binance's limits: 6,000 weight a minute, 50 orders per 10 s, 160,000 a day.</value>
    public BinanceApiRateLimits? RateLimits { get; set; } = new();

    /// <summary>Gets or sets the prefix of generated client order ids (the rest is 16 random hex digits).</summary>
    /// <value>Default <c>zen-</c>. At most 20 characters of <c>[.A-Za-z0-9:/_-]</c>.</value>
    public string ClientOrderIdPrefix { get; set; } = "zen-";

    /// <summary>Gets or sets the longest silence (no ping, no data) before the connection is declared dead; Binance
    /// pings every 20 s.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        RateLimits?.Validate();
        if (RecvWindow < TimeSpan.FromMilliseconds(1) || RecvWindow > MaxRecvWindow || RecvWindow.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RecvWindow), RecvWindow, "BinanceApiClientOptions.RecvWindow must be whole milliseconds between 1 ms and 60 s.");
        }

        if (ClockSyncInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSyncInterval), ClockSyncInterval, "BinanceApiClientOptions.ClockSyncInterval must not be negative.");
        }

        if (HeartbeatTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HeartbeatTimeout), HeartbeatTimeout, "BinanceApiClientOptions.HeartbeatTimeout must be positive.");
        }

        ArgumentNullException.ThrowIfNull(ClientOrderIdPrefix, "BinanceApiClientOptions.ClientOrderIdPrefix");
        if (ClientOrderIdPrefix.Length > 20 || !BinanceApiClient.IsValidClientOrderId(ClientOrderIdPrefix, allowEmpty: true))
        {
            throw new ArgumentException("BinanceApiClientOptions.ClientOrderIdPrefix must be at most 20 characters of [.A-Za-z0-9:/_-].", nameof(ClientOrderIdPrefix));
        }
    }

    /// <summary>Returns a description; the secret is never shown.</summary>
    /// <returns>The endpoint and the credentials' key type and shortened API key.</returns>
    public override string ToString() => $"BinanceApiClientOptions {{ Endpoint = {Endpoint}, Credentials = {Credentials?.ToString() ?? "none"} }}";

    /// <inheritdoc />
    /// <remarks>Binance's three buckets from <see cref="RateLimits"/>, on <see cref="ExchangeAdapterOptions.TimeProvider"/>.</remarks>
    protected override CompositeRateLimiter? CreateDefaultRateLimiter() => RateLimits?.CreateLimiter(TimeProvider);
}
