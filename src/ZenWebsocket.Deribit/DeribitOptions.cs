namespace ZenWebsocket.Deribit;

/// <summary>Options of a <see cref="DeribitAdapter"/> (the Options pattern: bindable, validated once by the adapter).</summary>
public sealed class DeribitOptions : ExchangeAdapterOptions
{
    /// <summary>The production WebSocket endpoint.</summary>
    public static readonly Uri ProductionUri = new("wss://www.deribit.com/ws/api/v2");

    /// <summary>The testnet WebSocket endpoint.</summary>
    public static readonly Uri TestnetUri = new("wss://test.deribit.com/ws/api/v2");

    private DeribitEnvironment _environment;

    /// <summary>Initializes options pointing at production.</summary>
    public DeribitOptions()
    {
        Endpoint = ProductionUri;
    }

    /// <summary>Gets or sets the environment; setting it also sets <see cref="ExchangeAdapterOptions.Endpoint"/>
    /// (set <see cref="ExchangeAdapterOptions.Endpoint"/> afterwards for any other URI, e.g. a simulator).</summary>
    /// <value>Default <see cref="DeribitEnvironment.Production"/>.</value>
    public DeribitEnvironment Environment
    {
        get => _environment;
        set
        {
            _environment = value;
            Endpoint = value == DeribitEnvironment.Testnet ? TestnetUri : ProductionUri;
        }
    }

    /// <summary>Gets or sets the API key; <see langword="null"/> for public data only (no authentication).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public DeribitCredentials? Credentials { get; set; }

    /// <summary>Gets or sets how the adapter authenticates.</summary>
    /// <value>Default <see cref="DeribitAuthMethod.ClientSignature"/>.</value>
    public DeribitAuthMethod AuthMethod { get; set; } = DeribitAuthMethod.ClientSignature;

    /// <summary>Gets or sets the <c>scope</c> sent in <c>public/auth</c>; <see langword="null"/> for Deribit's default.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Scope { get; set; }

    /// <summary>Gets or sets the heartbeat interval requested with <c>public/set_heartbeat</c> (whole seconds, 10 s to 1 h).</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long before the access token expires it is refreshed with the refresh token
    /// (never earlier than half its lifetime).</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets whether cancel-on-disconnect (scope <c>connection</c>) is enabled after every connect.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool CancelOnDisconnect { get; set; }

    /// <summary>Gets or sets the local credit limits (A.11). The adapter then passes every request, its own included,
    /// through <see cref="DeribitCredits.CreateLimiter"/> built for <see cref="DeribitRateLimits.MatchingEngineTier"/> on
    /// <see cref="ExchangeAdapterOptions.TimeProvider"/>: a request waits locally (at most 10 s) for credits instead of
    /// running into 10028. <see langword="null"/> turns local limiting off. Ignored when
    /// <see cref="ExchangeAdapterOptions.RateLimiter"/> is set: that limiter is used as given.</summary>
    /// <value>Default a <see cref="DeribitRateLimits"/> for <see cref="DeribitMatchingEngineTier.Tier4"/>.</value>
    public DeribitRateLimits? RateLimits { get; set; } = new();

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        RateLimits?.Validate();
        new DeribitHeartbeatOptions { Interval = HeartbeatInterval }.Validate();
        if (TokenRefreshMargin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRefreshMargin), TokenRefreshMargin, "DeribitOptions.TokenRefreshMargin must not be negative.");
        }

        if (CancelOnDisconnect && Credentials is null)
        {
            throw new ArgumentException("DeribitOptions.CancelOnDisconnect needs Credentials: cancel-on-disconnect is a private method.", nameof(CancelOnDisconnect));
        }

        if (Scope is { Length: > 0 } && Credentials is null)
        {
            throw new ArgumentException("DeribitOptions.Scope needs Credentials.", nameof(Scope));
        }
    }

    /// <summary>Deribit's credit limiter from <see cref="RateLimits"/> on the adapter's clock; none when limits are off.</summary>
    /// <returns>The limiter, or <see langword="null"/>.</returns>
    protected override CompositeRateLimiter? CreateDefaultRateLimiter() =>
        RateLimits is { } limits ? DeribitCredits.CreateLimiter(limits.MatchingEngineTier, TimeProvider) : null;

    /// <summary>Returns a description; the secret is never shown.</summary>
    /// <returns>The endpoint and the client id.</returns>
    public override string ToString() => $"DeribitOptions {{ Endpoint = {Endpoint}, Credentials = {Credentials?.ToString() ?? "none"} }}";
}
