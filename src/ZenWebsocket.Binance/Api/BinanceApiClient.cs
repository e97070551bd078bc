using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ZenWebsocket.Binance;

/// <summary>
/// The Binance Spot WebSocket API client (<c>ws-api/v3</c>, B.6): signed requests (HMAC-SHA256, Ed25519, RSA),
/// trading and account queries, and the user data stream. On every connect it measures the server clock offset,
/// logs the session on when the key is Ed25519, and restores the user data subscription; timestamps carry the
/// measured offset so a skewed local clock does not cause -1021. Orders carry a client order id, so an order whose
/// answer was lost with the connection can be found again (<see cref="ReconcileOrderAsync"/>).
/// </summary>
public sealed partial class BinanceApiClient : ExchangeAdapter
{
    private static readonly RequestOptions s_query = new() { Idempotent = true };

    private readonly BinanceCredentials? _credentials;
    private readonly long _recvWindowMs;
    private readonly bool _clockSync;
    private readonly TimeSpan _clockSyncInterval;
    private readonly bool _sessionLogon;
    private readonly string _clientOrderIdPrefix;
    private readonly TimeSpan _heartbeatTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BinanceUserDataDialect _userData;
    private IReadOnlyList<BinanceRateLimit> _lastRateLimits = [];

    /// <summary>Initializes the client from the host's options.</summary>
    /// <param name="options">The options.</param>
    public BinanceApiClient(IOptions<BinanceApiClientOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Initializes the client; nothing connects until <see cref="ExchangeAdapter.StartAsync"/>.</summary>
    /// <param name="options">The options, validated now and copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public BinanceApiClient(BinanceApiClientOptions options)
        : base(options)
    {
        _credentials = options.Credentials;
        _recvWindowMs = (long)options.RecvWindow.TotalMilliseconds;
        _clockSync = options.ClockSync;
        _clockSyncInterval = options.ClockSyncInterval;
        _sessionLogon = options.SessionLogon;
        _clientOrderIdPrefix = options.ClientOrderIdPrefix;
        _heartbeatTimeout = options.HeartbeatTimeout;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory?.CreateLogger("ZenWebsocket.Binance.Api") ?? NullLogger.Instance;
        _userData = new BinanceUserDataDialect(this);

        StateChanged += (_, e) =>
        {
            if (e.Current is AdapterState.Stopped or AdapterState.Faulted)
            {
                StopClockSync();
            }
        };
    }

    /// <summary>Gets the local limiter every request passes (built from
    /// <see cref="BinanceApiClientOptions.RateLimits"/>, or the one given), or <see langword="null"/> when off.</summary>
    public CompositeRateLimiter? RateLimiter => ActiveRateLimiter;

    /// <summary>Gets the credentials, or <see langword="null"/> for public methods only.</summary>
    public BinanceCredentials? Credentials => _credentials;

    /// <summary>Gets the <c>rateLimits</c> of the latest response that carried them (the server's counts); empty
    /// before the first.</summary>
    public IReadOnlyList<BinanceRateLimit> LastRateLimits => Volatile.Read(ref _lastRateLimits);

    /// <inheritdoc />
    protected override AdapterDialects CreateDialects() =>
        new(new BinanceRpcDialect(OnRateLimits), _userData, error => BinanceErrors.Map(error, ServerNowMs));

    /// <inheritdoc />
    protected override ZenClientOptions ConfigureClient(ZenClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Binance pings every 20 s and ClientWebSocket answers; silence beyond the timeout means a dead link.
        return options with { Heartbeat = new ServerPingHeartbeatOptions { Timeout = _heartbeatTimeout } };
    }
}
