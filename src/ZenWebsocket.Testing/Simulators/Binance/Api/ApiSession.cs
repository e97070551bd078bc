namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Per-connection state of the API engine: logon, user-data subscriptions, rate-limit display. Guarded by the engine's lock.</summary>
internal sealed class ApiSession(IApiConnection connection, long connectedSince)
{
    public IApiConnection Connection { get; } = connection;

    public long ConnectedSince { get; } = connectedSince;

    /// <summary>Gets whether responses carry <c>rateLimits</c> unless a request says otherwise (URL <c>returnRateLimits</c>).</summary>
    public bool ReturnRateLimits { get; } =
        !(connection.Query.TryGetValue("returnRateLimits", out var value) && string.Equals(value, "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets whether times go out in microseconds (URL <c>timeUnit=MICROSECOND</c>).</summary>
    public bool Microseconds { get; } = MicrosecondTimes.Requested(connection.Query);

    public BinanceSimApiKey? LogonKey { get; set; }

    public long? AuthorizedSince { get; set; }

    public List<UserDataSubscription> Subscriptions { get; } = [];

    public int NextSubscriptionId { get; set; }

    /// <summary>Gets or sets whether the connection is gone or being dropped: nothing more is sent on it.</summary>
    public bool Closed { get; set; }

    public void Send(string json)
    {
        if (!Closed)
        {
            Connection.TrySend(Microseconds ? ApiMicroseconds.Convert(json) : json);
        }
    }
}
