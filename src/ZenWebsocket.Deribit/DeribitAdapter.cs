using Microsoft.Extensions.Options;

namespace ZenWebsocket.Deribit;

/// <summary>
/// The Deribit API v2 adapter (JSON-RPC 2.0): on every connect it sets the heartbeat, authenticates when
/// <see cref="DeribitOptions.Credentials"/> are given (then refreshes the token before it expires), restores the
/// subscriptions (private ones after the authentication) and re-enables cancel-on-disconnect when asked.
/// </summary>
public sealed partial class DeribitAdapter : ExchangeAdapter
{
    private readonly DeribitCredentials? _credentials;
    private readonly DeribitAuthMethod _authMethod;
    private readonly string? _scope;
    private readonly TimeSpan _heartbeatInterval;
    private readonly TimeSpan _refreshMargin;
    private readonly TimeProvider _time;
    private readonly bool _cancelOnDisconnect;

    /// <summary>Initializes the adapter from the host's options.</summary>
    /// <param name="options">The options.</param>
    public DeribitAdapter(IOptions<DeribitOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Initializes the adapter; nothing connects until <see cref="ExchangeAdapter.StartAsync"/>.</summary>
    /// <param name="options">The options, validated now and copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public DeribitAdapter(DeribitOptions options)
        : base(options)
    {
        _credentials = options.Credentials;
        _authMethod = options.AuthMethod;
        _scope = options.Scope;
        _heartbeatInterval = options.HeartbeatInterval;
        _refreshMargin = options.TokenRefreshMargin;
        _time = options.TimeProvider;
        _cancelOnDisconnect = options.CancelOnDisconnect;

        // The refresh timer must not outlive the adapter.
        StateChanged += (_, e) =>
        {
            if (e.Current is AdapterState.Stopped or AdapterState.Faulted)
            {
                StopTokenRefresh();
            }
        };
    }

    /// <summary>Gets the local limiter every request passes: the credit limiter built from
    /// <see cref="DeribitOptions.RateLimits"/>, the one given in <see cref="ExchangeAdapterOptions.RateLimiter"/>, or
    /// <see langword="null"/> when local limiting is off. Its buckets' status shows the credits left.</summary>
    public CompositeRateLimiter? RateLimiter => ActiveRateLimiter;

    /// <summary>Gets whether the adapter authenticates (credentials were given).</summary>
    public bool IsAuthenticating => _credentials is not null;

    /// <summary>Gets the server time (<c>public/get_time</c>), in milliseconds since the Unix epoch.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server time.</returns>
    public Task<long> GetTimeAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("public/get_time", RpcParams.None, DeribitJson.Default.Int64, cancellationToken: cancellationToken);

    /// <inheritdoc />
    protected override AdapterDialects CreateDialects() =>
        new(JsonRpcDialect.Instance, DeribitSubscriptionDialect.Instance, DeribitErrors.Map);

    /// <inheritdoc />
    protected override ZenClientOptions ConfigureClient(ZenClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Every connection: public/set_heartbeat and answers to test_request (A.4). After a logout no connection
        // may open again: the server's close could start a reconnect before the stop that follows the logout.
        return options with
        {
            Heartbeat = new DeribitHeartbeatOptions { Interval = _heartbeatInterval },
            UriProvider = EndpointUnlessLoggedOutAsync,
        };
    }

    /// <inheritdoc />
    protected override async Task ResumeAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_cancelOnDisconnect)
        {
            // COD is per connection: a new connection starts without it (A.8), so re-arm it every time.
            await session.RequestRawAsync("private/enable_cancel_on_disconnect", ConnectionScope(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static RpcParams ConnectionScope() => RpcParams.Create(w =>
    {
        w.WriteStartObject();
        w.WriteString("scope", "connection");
        w.WriteEndObject();
    });
}
